"""Takes docs/screenshots/licensed-text.png (and licensed-text-fr.png): the walkthrough with the
"Standard text (your licensed copy)" panel above our summary.

The "licensed" text is invented and says so: no IEC wording is ever typed into this program's
files (it is copyrighted; a user imports their own copy). It is imported as a user would, from a
CSV, into the scratch data folder. Run under a virtual display, as docs/make_screenshots.py:
`xvfb-run -s "-screen 0 1400x900x24" python docs/make_licensed_text_screenshot.py [en|fr]`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docs.make_screenshots import each_language, save, settle, window_in  # noqa: E402
from ot62443_desktop.domain.language import Language  # noqa: E402

SHOWN = ("SCADA", "SR 1.1")
FAKE = {  # what a user's CSV would hold; invented, clearly not the standard's wording
    Language.EN: ("Example text imported by the user from their own licensed copy of the standard. This is not "
                  "the wording of IEC 62443: the program ships none, and shows here, word for word, whatever the "
                  "user's file says for this requirement.\n\nA second paragraph of the example, to show that "
                  "line breaks in the file are kept as they are."),
    Language.FR: ("Texte d'exemple importé par l'utilisateur depuis son propre exemplaire sous licence de la "
                  "norme. Ce n'est pas le texte de l'IEC 62443 : le programme n'en livre aucun, et affiche ici, "
                  "mot pour mot, ce que le fichier de l'utilisateur dit de cette exigence.\n\nUn second "
                  "paragraphe d'exemple, pour montrer que les retours à la ligne du fichier sont gardés."),
}


def take(app: QApplication, language: Language) -> None:
    from ot62443_desktop import licensed_text
    from ot62443_desktop.ui import i18n

    source = Path(tempfile.mkdtemp(prefix="ot62443-licensed-")) / "my-licensed-copy.csv"
    text = FAKE[language].replace('"', '""')
    source.write_text(f'id,text\n{SHOWN[1]},"{text}"\n', encoding="utf-8")
    licensed_text.import_file(source)
    window = window_in(app, language)
    window.open_demo()
    assert window.view is not None
    window.show_tab(1)
    walkthrough = window.view.walkthrough
    walkthrough.tree.expandAll()
    assert walkthrough.select(*SHOWN) and walkthrough.page.licensed.isVisible()
    settle(app)
    save(window, "licensed-text" if language is Language.EN else f"licensed-text-{language.value}")
    window.close()
    i18n.remove_translations(app)


if __name__ == "__main__":
    each_language(take)
