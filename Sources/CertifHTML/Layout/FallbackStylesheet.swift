/// Certif's own stylesheet, linked by `.fallback` pages instead of DSFR.
///
/// It lays out the DSFR classes that the layout, the form helpers and `dataTable` use, in
/// system fonts and neutral colours. A deployment outside the State thus shows no Marianne
/// logo, no Marianne font and none of the State's blue and red. Icons (`fr-icon-*`) are not
/// drawn. The text is kept in the code rather than in a resource file so that the server can
/// send it without looking up a bundle.
public enum FallbackStylesheet {
    /// The URL path at which the server serves `css`, with `Content-Type: text/css`.
    public static let path = "/static/certif.css"

    public static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial,
            sans-serif;
          font-size: 1rem;
          line-height: 1.5;
          color: #1e1e1e;
          background: #ffffff;
        }
        h1, h2, h3, h4 { margin: 0 0 1rem; line-height: 1.25; color: #161616; }
        h1 { font-size: 2rem; }
        h2 { font-size: 1.5rem; }
        h3 { font-size: 1.25rem; }
        h4 { font-size: 1.125rem; }
        p { margin: 0 0 1rem; }
        a { color: #00616f; text-underline-offset: 0.2em; }
        a:hover { color: #003f48; }
        :focus-visible { outline: 2px solid #0a76f6; outline-offset: 2px; }
        img { max-width: 100%; height: auto; }
        abbr[title] { text-decoration: underline dotted; }
        summary { cursor: pointer; }

        .fr-container { max-width: 78rem; margin: 0 auto; padding: 0 1rem; }
        .fr-my-6w { margin-top: 3rem; margin-bottom: 3rem; }
        .fr-mt-2w { margin-top: 1rem; }
        .fr-mt-4w { margin-top: 2rem; }
        .fr-mb-2w { margin-bottom: 1rem; }
        .fr-mb-4w { margin-bottom: 2rem; }
        .fr-sr-only {
          position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
          overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
        }

        .fr-skiplinks {
          position: absolute; left: 0; right: 0; top: 0; z-index: 10;
          transform: translateY(-100%); background: #f0f0f0; padding: 0.5rem 0;
        }
        .fr-skiplinks:focus-within { transform: none; }
        .fr-skiplinks__list {
          display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 0; padding: 0; list-style: none;
        }

        .fr-header { border-bottom: 1px solid #dddddd; }
        .fr-header__body-row {
          display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
          gap: 1rem; padding: 1rem 0;
        }
        .fr-header__service a { color: inherit; text-decoration: none; }
        .fr-header__service-title { margin: 0; font-size: 1.25rem; font-weight: 700; }
        .fr-header__service-tagline { margin: 0; font-size: 0.875rem; color: #555555; }
        .fr-header__tools-links {
          display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem;
        }
        .fr-header__menu { border-top: 1px solid #dddddd; }
        .fr-header__menu-links { display: none; }
        .fr-nav__list { display: flex; flex-wrap: wrap; margin: 0; padding: 0; list-style: none; }
        .fr-nav__link {
          display: block; padding: 0.75rem 1rem; color: #1e1e1e; text-decoration: none;
        }
        .fr-nav__link:hover { background: #f0f0f0; }
        .fr-nav__link[aria-current]:not([aria-current="false"]) {
          color: #00616f; box-shadow: inset 0 -2px 0 0 #00616f;
        }

        .fr-btns-group {
          display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; padding: 0; list-style: none;
        }
        .fr-btn {
          display: inline-flex; align-items: center; min-height: 2.5rem; padding: 0.5rem 1rem;
          border: 1px solid #00616f; border-radius: 0.25rem; background: #00616f;
          color: #ffffff; font: inherit; font-weight: 500; line-height: 1.5rem;
          text-decoration: none; cursor: pointer;
        }
        .fr-btn:hover { background: #003f48; border-color: #003f48; color: #ffffff; }
        .fr-btn--secondary { background: transparent; color: #00616f; }
        .fr-btn--secondary:hover { background: #e6f0f1; color: #003f48; }
        .fr-btn--tertiary { background: transparent; border-color: #cccccc; color: #1e1e1e; }
        .fr-btn--tertiary:hover { background: #f0f0f0; color: #1e1e1e; }
        .fr-btn:disabled { background: #e5e5e5; border-color: #e5e5e5; color: #666666; }

        .fr-fieldset { margin: 0 0 1.5rem; padding: 0; border: 0; }
        .fr-fieldset__legend { padding: 0; margin-bottom: 1rem; font-weight: 700; }
        .fr-input-group, .fr-select-group { margin-bottom: 1.5rem; }
        .fr-label { display: block; margin-bottom: 0.5rem; }
        .fr-hint-text { display: block; font-size: 0.875rem; color: #555555; }
        .fr-input, .fr-select {
          display: block; width: 100%; padding: 0.5rem 0.75rem; border: 1px solid #767676;
          border-radius: 0.25rem; background: #ffffff; color: #1e1e1e; font: inherit;
        }
        textarea.fr-input { min-height: 6rem; resize: vertical; }
        .fr-input-group--error, .fr-select-group--error {
          border-left: 2px solid #b00020; padding-left: 0.75rem;
        }
        .fr-input-group--error .fr-label, .fr-select-group--error .fr-label { color: #b00020; }
        .fr-input--error, .fr-select-group--error .fr-select { border-color: #b00020; }
        .fr-error-text { margin: 0.5rem 0 0; font-size: 0.875rem; color: #b00020; }

        .fr-table { margin: 1rem 0 2.5rem; }
        .fr-table__container { overflow-x: auto; }
        .fr-table table { width: 100%; border-collapse: collapse; }
        .fr-table caption {
          margin-bottom: 1rem; font-size: 1.25rem; font-weight: 700; text-align: left;
        }
        .fr-table th, .fr-table td {
          padding: 0.5rem 0.75rem; border-bottom: 1px solid #dddddd; text-align: left;
          vertical-align: top;
        }
        .fr-table thead th { background: #f0f0f0; border-bottom: 2px solid #767676; }

        .fr-alert {
          margin-bottom: 1.5rem; padding: 1rem 1.25rem; border: 1px solid #767676;
          border-left-width: 0.25rem;
        }
        .fr-alert__title { margin: 0 0 0.25rem; font-weight: 700; }
        .fr-alert--error { border-color: #b00020; }
        .fr-alert--success { border-color: #1b7a3a; }
        .fr-alert--info { border-color: #00616f; }
        .fr-alert--warning { border-color: #a35c00; }
        .fr-badge {
          display: inline-block; padding: 0 0.5rem; border-radius: 0.25rem; background: #eeeeee;
          font-size: 0.875rem; font-weight: 700; text-transform: uppercase;
        }

        .fr-footer { margin-top: 3rem; padding-top: 2rem; border-top: 2px solid #00616f; }
        .fr-footer__content-desc { color: #555555; }
        .fr-footer__bottom { margin-top: 1rem; padding: 1rem 0; border-top: 1px solid #dddddd; }
        .fr-footer__bottom-list {
          display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0; padding: 0;
          list-style: none; font-size: 0.875rem;
        }
        .fr-footer__bottom-link { color: #555555; }

        @media print {
          .fr-skiplinks, .fr-header__menu, .fr-header__tools, .fr-footer { display: none; }
          .fr-btn { display: none; }
        }

        """
}
