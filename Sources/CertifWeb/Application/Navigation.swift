import CertifAuth
import CertifHTML

/// The main navigation of each role: the sections that the role may open.
enum Navigation {
    static func links(for account: Account) -> [NavigationLink] {
        let dashboard = NavigationLink("Tableau de bord", path: "/")
        switch account.role {
        case .nationalAdministrator:
            return [
                dashboard,
                NavigationLink("Candidats", path: "/candidats"),
                NavigationLink("Planification", path: "/planification"),
                NavigationLink("Sessions", path: "/sessions"),
                NavigationLink("Référentiel", path: "/referentiel"),
                NavigationLink("Journal", path: "/journal"),
                NavigationLink("Comptes", path: "/comptes"),
            ]
        case .regionalOfficer:
            return [
                dashboard,
                NavigationLink("Candidats", path: "/candidats"),
                NavigationLink("Planification", path: "/planification"),
                NavigationLink("Sessions", path: "/sessions"),
                NavigationLink("Journal", path: "/journal"),
            ]
        case .nationalReader:
            return [dashboard]
        }
    }
}

extension WebApplication {
    /// The page frame with `navigation`, in the application's style.
    func layout(navigation: [NavigationLink]) -> PageLayout {
        PageLayout(
            style: style,
            navigation: navigation,
            footerLinks: [NavigationLink("Accessibilité : non conforme", path: "/accessibilite")]
        )
    }
}
