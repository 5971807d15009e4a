/// Names for fictitious candidates. Each list contains only names that many people in France
/// carry, so a drawn pair names no one in particular. Any likeness to a real candidate is
/// chance.
enum FictitiousNames {
    /// Common French surnames, in capitals as civil-status documents write a birth name.
    static let birthNames = [
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS",
        "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID",
        "BERTRAND", "MOREL", "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE",
        "ROUSSEAU", "VINCENT", "MULLER", "LEFÈVRE", "FAURE", "ANDRÉ", "MERCIER", "BLANC",
        "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS", "LEGRAND", "GAUTHIER", "GARCIA",
        "PERRIN", "ROBIN", "CLÉMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU",
    ]

    /// Common French given names. Two thirds are women's names, an assumption of this generator
    /// about who the candidates of these diplomas are.
    static let givenNames = [
        "Marie", "Nathalie", "Isabelle", "Sandrine", "Céline", "Aurélie", "Julie", "Camille",
        "Sarah", "Léa", "Manon", "Inès", "Fatima", "Sophie", "Émilie", "Chloé", "Laura",
        "Amandine", "Stéphanie", "Christine", "Thomas", "Nicolas", "Julien", "Kévin", "Mohamed",
        "Karim", "David", "Pierre", "Lucas", "Jean-Pierre",
    ]
}
