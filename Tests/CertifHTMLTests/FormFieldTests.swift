import Testing

@testable import CertifHTML

@Suite struct FormFieldTests {
    @Test func fieldWithErrorLinksItsMessage() {
        let field = FormField(
            name: "date_naissance",
            label: "Date de naissance",
            value: "31/02/1990",
            hint: "Au format jj/mm/aaaa",
            error: "La date 31/02/1990 n’existe pas. Saisissez une date au format jj/mm/aaaa.",
            isRequired: true
        )

        let html = inputField(field).render()

        #expect(
            html == #"<div class="fr-input-group fr-input-group--error">"#
                + #"<label for="champ-date_naissance" class="fr-label">Date de naissance"#
                + #"<span class="fr-hint-text">Au format jj/mm/aaaa</span></label>"#
                + #"<input type="text" class="fr-input fr-input--error" id="champ-date_naissance" "#
                + #"name="date_naissance" value="31/02/1990" required aria-invalid="true" "#
                + #"aria-describedby="champ-date_naissance-erreur">"#
                + #"<p id="champ-date_naissance-erreur" class="fr-error-text">La date 31/02/1990 "#
                + "n’existe pas. Saisissez une date au format jj/mm/aaaa.</p></div>"
        )
    }

    @Test func validFieldHasNoErrorMarkup() {
        let field = FormField(name: "nom", label: "Nom", value: "Dupont")

        let html = inputField(field).render()

        #expect(
            html == #"<div class="fr-input-group"><label for="champ-nom" class="fr-label">Nom"#
                + #"</label><input type="text" class="fr-input" id="champ-nom" name="nom" "#
                + #"value="Dupont"></div>"#
        )
    }

    @Test func typedValueKeptEscaped() {
        let field = FormField(name: "nom", label: "Nom", value: #"O'Brien "Jr" <b>"#, error: "x")

        let html = inputField(field).render()

        #expect(html.contains(#" value="O&#39;Brien &quot;Jr&quot; &lt;b&gt;""#))
    }

    @Test func passwordNeverWrittenBack() {
        let field = FormField(name: "mot_de_passe", label: "Mot de passe", value: "secret-42")

        let html = inputField(field, type: .password, .autocomplete("current-password")).render()

        #expect(!html.contains("secret-42"))
        #expect(!html.contains("value="))
        #expect(html.contains(#"<input type="password" class="fr-input""#))
    }

    @Test func controlAttributesAddedToControl() {
        let field = FormField(name: "courriel", label: "Courriel", value: "a@b.fr")

        let html = inputField(
            field,
            type: .email,
            .autocomplete("email"),
            .class("fr-input--sm"),
            .id("ignoree")
        ).render()

        #expect(
            html.contains(
                #"<input type="email" class="fr-input fr-input--sm" id="champ-courriel" "#
                    + #"name="courriel" value="a@b.fr" autocomplete="email">"#
            )
        )
        #expect(html.hasPrefix(#"<div class="fr-input-group"><label for="champ-courriel""#))
    }

    @Test func selectAndTextareaTakeControlAttributes() {
        let field = FormField(name: "voie", label: "Voie")

        let select = selectField(field, options: [], placeholder: nil, .autofocus).render()
        let text = textareaField(field, .maxlength(500)).render()

        #expect(
            select.contains(#"<select name="voie" class="fr-select" id="champ-voie" autofocus>"#)
        )
        #expect(text.contains(#"id="champ-voie" rows="5" maxlength="500">"#))
    }

    @Test func textareaFieldKeepsText() {
        let field = FormField(
            name: "motif",
            label: "Motif",
            value: "Ligne 1\nLigne 2",
            error: "Trop court"
        )

        let html = textareaField(field, rows: 3).render()

        #expect(html.contains(#"<textarea name="motif" class="fr-input fr-input--error" "#))
        #expect(html.contains(#"rows="3""#))
        #expect(html.contains(#"aria-describedby="champ-motif-erreur">Ligne 1"#))
        #expect(html.contains("Ligne 1\nLigne 2</textarea>"))
    }

    @Test func selectFieldMarksChosenOption() {
        let field = FormField(
            name: "voie",
            label: "Voie d’accès",
            value: "vae",
            error: "Choisissez"
        )
        let options = [
            SelectOption(value: "formation", label: "Formation"),
            SelectOption(value: "vae", label: "VAE"),
        ]

        let html = selectField(field, options: options).render()

        #expect(
            html == #"<div class="fr-select-group fr-select-group--error">"#
                + #"<label for="champ-voie" class="fr-label">Voie d’accès</label>"#
                + #"<select name="voie" class="fr-select" id="champ-voie" aria-invalid="true" "#
                + #"aria-describedby="champ-voie-erreur">"#
                + #"<option value="">Sélectionner une option</option>"#
                + #"<option value="formation">Formation</option>"#
                + #"<option value="vae" selected>VAE</option></select>"#
                + #"<p id="champ-voie-erreur" class="fr-error-text">Choisissez</p></div>"#
        )
    }

    @Test func selectFieldWithoutChoiceSelectsPlaceholder() {
        let field = FormField(name: "voie", label: "Voie", value: "inconnue")
        let options = [SelectOption(value: "vae", label: "VAE")]

        let html = selectField(field, options: options).render()

        #expect(html.contains(#"<option value="" selected>Sélectionner une option</option>"#))
        #expect(html.contains(#"<option value="vae">VAE</option>"#))
    }

    @Test func csrfInputCarriesToken() {
        let html = csrfInput(token: "k7\"Q<").render()

        #expect(html == #"<input type="hidden" name="csrf_token" value="k7&quot;Q&lt;">"#)
    }

    @Test(arguments: [
        ("nom", "champ-nom"),
        ("candidat[nom]", "champ-candidat-nom-"),
        ("date naissance", "champ-date-naissance"),
        ("prénom", "champ-pr-nom"),
    ])
    func defaultIDBuiltFromName(name: String, expected: String) {
        #expect(FormField(name: name, label: "x").id == expected)
    }
}
