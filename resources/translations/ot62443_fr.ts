<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Zone-by-zone IEC 62443-3-3 and IEC 62443-2-1 assessments that keep every answer on this computer. The catalogue texts are written in the program&apos;s own words; the standards themselves are published by the IEC.</source>
        <translation>Évaluations IEC 62443-3-3 et IEC 62443-2-1 zone par zone, dont chaque réponse reste sur cet ordinateur. Les textes des catalogues sont rédigés avec les mots du programme&#xa0;; les normes elles-mêmes sont publiées par l&apos;IEC.</translation>
    </message>
    <message>
        <source>Bundled with it</source>
        <translation>Fourni avec lui</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Licence text on this computer</source>
        <translation>Texte de la licence sur cet ordinateur</translation>
    </message>
    <message>
        <source>not in this installation</source>
        <translation>absent de cette installation</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (et %n autre)</numerusform>
            <numerusform>%1 (et %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <source>The icons were drawn for this program and are licensed with it (resources/icons/LICENSE.md).</source>
        <translation>Les icônes ont été dessinées pour ce programme et sont sous la même licence que lui (resources/icons/LICENSE.md).</translation>
    </message>
    <message>
        <source>&amp;Copy these details</source>
        <translation>&amp;Copier ces informations</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>New &amp;from previous assessment…</source>
        <translation>Nouvelle é&amp;valuation à partir de la précédente…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>Ouvrir le projet de dé&amp;monstration</translation>
    </message>
    <message>
        <source>Project &amp;details…</source>
        <translation>&amp;Détails du projet…</translation>
    </message>
    <message>
        <source>Export Excel gap &amp;register…</source>
        <translation>Exporter le &amp;registre des écarts (Excel)…</translation>
    </message>
    <message>
        <source>Export PDF remediation &amp;plan…</source>
        <translation>Exporter le &amp;plan de remédiation (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Hand off evidence…</source>
        <translation>Tr&amp;ansmettre les éléments de preuve…</translation>
    </message>
    <message>
        <source>&amp;Import edited register…</source>
        <translation>&amp;Importer le registre modifié…</translation>
    </message>
    <message>
        <source>Import catalo&amp;gue…</source>
        <translation>Importer un catalo&amp;gue…</translation>
    </message>
    <message>
        <source>&amp;Licensed standard text…</source>
        <translation>Te&amp;xte de la norme sous licence…</translation>
    </message>
    <message>
        <source>&amp;Merge another copy…</source>
        <translation>F&amp;usionner une autre copie…</translation>
    </message>
    <message>
        <source>&amp;Split work package…</source>
        <translation>Découper un &amp;lot de travail…</translation>
    </message>
    <message>
        <source>Ch&amp;ange passphrase…</source>
        <translation>&amp;Changer la phrase secrète…</translation>
    </message>
    <message>
        <source>Remo&amp;ve protection…</source>
        <translation>&amp;Supprimer la protection…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Fermer le projet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Find requirement…</source>
        <translation>&amp;Chercher une exigence…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Next requirement</source>
        <translation>&amp;Exigence suivante</translation>
    </message>
    <message>
        <source>&amp;Previous requirement</source>
        <translation>Exigence &amp;précédente</translation>
    </message>
    <message>
        <source>Next &amp;unanswered</source>
        <translation>Prochaine exigence &amp;sans réponse</translation>
    </message>
    <message>
        <source>&amp;Zones and conduits</source>
        <translation>&amp;Zones et conduits</translation>
    </message>
    <message>
        <source>&amp;Walkthrough</source>
        <translation>É&amp;valuation</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Remediation plan</source>
        <translation>Plan de &amp;remédiation</translation>
    </message>
    <message>
        <source>&amp;Progress since the last assessment</source>
        <translation>Évolution depuis la &amp;dernière évaluation</translation>
    </message>
    <message>
        <source>Merge &amp;conflicts</source>
        <translation>&amp;Conflits de fusion</translation>
    </message>
    <message>
        <source>&amp;Keyboard reference</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About OT 62443 Workbook</source>
        <translation>À &amp;propos de OT 62443 Workbook</translation>
    </message>
    <message>
        <source>Zones and conduits dia&amp;gram</source>
        <translation>&amp;Schéma des zones et conduits</translation>
    </message>
    <message>
        <source>Prot&amp;ect with a passphrase…</source>
        <translation>Protéger par une p&amp;hrase secrète…</translation>
    </message>
    <message>
        <source>Excel register</source>
        <translation>Registre Excel</translation>
    </message>
    <message>
        <source>PDF plan</source>
        <translation>Plan PDF</translation>
    </message>
</context>
<context>
    <name>AssetsEditor</name>
    <message>
        <source>Add a&amp;sset</source>
        <translation>Ajouter un acti&amp;f</translation>
    </message>
    <message>
        <source>Remo&amp;ve asset</source>
        <translation>Supp&amp;rimer l&apos;actif</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>Importer un C&amp;SV…</translation>
    </message>
    <message>
        <source>A CSV file with a header row naming its columns: name, type, vendor_model, firmware, notes (only name is required). Comma or semicolon separated, as Excel saves it.</source>
        <translation>Un fichier CSV dont la première ligne nomme les colonnes&#xa0;: name, type, vendor_model, firmware, notes (seule name est obligatoire), ou les intitulés de ce tableau (Nom, Type, Fabricant / modèle, Micrologiciel, Notes). Séparées par des virgules ou des points-virgules, comme Excel l&apos;enregistre.</translation>
    </message>
    <message>
        <source>Import assets</source>
        <translation>Importer des actifs</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
    <message numerus="yes">
        <source>%n asset(s) imported from %1. They are saved with the zone when you press OK.</source>
        <translation>
            <numerusform>%n actif importé de %1. Il sera enregistré avec la zone quand vous cliquerez sur OK.</numerusform>
            <numerusform>%n actifs importés de %1. Ils seront enregistrés avec la zone quand vous cliquerez sur OK.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more row(s)</source>
        <translation>
            <numerusform>… et %n autre ligne</numerusform>
            <numerusform>… et %n autres lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) of the file cannot be assets. Correct them in the file and import it again.</source>
        <translation>
            <numerusform>Rien n&apos;a été importé&#xa0;: %n ligne du fichier ne peut pas être un actif. Corrigez-la dans le fichier et importez-le de nouveau.</numerusform>
            <numerusform>Rien n&apos;a été importé&#xa0;: %n lignes du fichier ne peuvent pas être des actifs. Corrigez-les dans le fichier et importez-le de nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: the name is empty.</source>
        <translation>Ligne %1&#xa0;: le nom est vide.</translation>
    </message>
    <message>
        <source>Line %1: %2 fields, more than the header row has columns.</source>
        <translation>Ligne %1&#xa0;: %2 champs, plus que la ligne d&apos;en-tête n&apos;a de colonnes.</translation>
    </message>
    <message>
        <source>Line %1: a quotation mark is not closed.</source>
        <translation>Ligne %1&#xa0;: un guillemet n&apos;est pas fermé.</translation>
    </message>
    <message>
        <source>The file is empty. Its first row must name the columns: %1.</source>
        <translation>Le fichier est vide. Sa première ligne doit nommer les colonnes&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB: it is not a zone&apos;s asset list.</source>
        <translation>Le fichier dépasse %1&#xa0;Mo&#xa0;: ce n&apos;est pas la liste des actifs d&apos;une zone.</translation>
    </message>
    <message>
        <source>This is not a CSV text file. In Excel, use File &gt; Save As &gt; CSV first.</source>
        <translation>Ce n&apos;est pas un fichier texte CSV. Dans Excel, l&apos;enregistrer d&apos;abord au format CSV (Fichier &gt; Enregistrer sous).</translation>
    </message>
    <message>
        <source>The file lists more than %1 assets.</source>
        <translation>Le fichier liste plus de %1 actifs.</translation>
    </message>
    <message>
        <source>The column “%1” appears twice in the header row.</source>
        <translation>La colonne «&#xa0;%1&#xa0;» figure deux fois dans la ligne d&apos;en-tête.</translation>
    </message>
    <message>
        <source>The header row has a column “%1”; the columns can only be: %2.</source>
        <translation>La ligne d&apos;en-tête a une colonne «&#xa0;%1&#xa0;»&#xa0;; les seules colonnes possibles sont&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The header row (%1) has no name column; the columns can be: %2.</source>
        <translation>La ligne d&apos;en-tête (%1) n&apos;a pas de colonne du nom&#xa0;; les colonnes possibles sont&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>AssetsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Vendor / model</source>
        <translation>Fabricant / modèle</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Micrologiciel</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Asset row %1 has no name.</source>
        <translation>La ligne d&apos;actif %1 n&apos;a pas de nom.</translation>
    </message>
</context>
<context>
    <name>CatalogueLibrary</name>
    <message>
        <source>Your catalogues</source>
        <translation>Vos catalogues</translation>
    </message>
    <message>
        <source>A catalogue of your own (a TOML file in the format of the built-in ones) is checked as they are and kept in %1. Every assessment uses the built-in IEC 62443-3-3 and IEC 62443-2-1 catalogues; tick an imported one in a project&apos;s Project details to assess that project against it too, with the same scoring. Imported catalogues are checked again each time this list is shown.</source>
        <translation>Un catalogue à vous (un fichier TOML au format des catalogues intégrés) est vérifié comme eux et conservé dans %1. Toute évaluation utilise les catalogues intégrés IEC 62443-3-3 et IEC 62443-2-1&#xa0;; cochez un catalogue importé dans les Détails du projet pour évaluer aussi ce projet selon lui, avec la même notation. Les catalogues importés sont vérifiés à nouveau chaque fois que cette liste s&apos;affiche.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Exigences</translation>
    </message>
    <message>
        <source>French text</source>
        <translation>Texte français</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Import catalogue</source>
        <translation>Importer un catalogue</translation>
    </message>
    <message>
        <source>Catalogues (*.toml);;All files (*)</source>
        <translation>Catalogues (*.toml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>no longer valid: %1</source>
        <translation>plus valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>complet</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) missing</source>
        <translation>
            <numerusform>%n champ manquant</numerusform>
            <numerusform>%n champs manquants</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue refused</source>
        <translation>Catalogue refusé</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct the file and import it again.</source>
        <translation>Rien n&apos;a été importé. Corrigez le fichier et importez-le à nouveau.</translation>
    </message>
    <message>
        <source>Replace catalogue?</source>
        <translation>Remplacer le catalogue&#xa0;?</translation>
    </message>
    <message>
        <source>A catalogue with the id %1 was imported before. Replace it with this file?</source>
        <translation>Un catalogue d&apos;identifiant %1 a déjà été importé. Le remplacer par ce fichier&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>This file lacks %n requirement(s) of the one it replaces (%1): answers recorded against them in projects stay in the project files but count in no figure or export.</source>
        <translation>
            <numerusform>Il manque à ce fichier %n exigence du catalogue qu&apos;il remplace (%1)&#xa0;: les réponses enregistrées pour elle dans des projets restent dans leurs fichiers mais ne comptent plus dans aucun chiffre ni aucun export.</numerusform>
            <numerusform>Il manque à ce fichier %n exigences du catalogue qu&apos;il remplace (%1)&#xa0;: les réponses enregistrées pour elles dans des projets restent dans leurs fichiers mais ne comptent plus dans aucun chiffre ni aucun export.</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue not kept</source>
        <translation>Catalogue non conservé</translation>
    </message>
    <message>
        <source>The catalogue is valid but could not be written to %1: %2</source>
        <translation>Le catalogue est valide mais n&apos;a pas pu être écrit dans %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>The catalogue %1 (%2) is valid: %n requirement(s). It was kept as %3.</source>
        <translation>
            <numerusform>Le catalogue %1 (%2) est valide&#xa0;: %n exigence. Il a été conservé sous %3.</numerusform>
            <numerusform>Le catalogue %1 (%2) est valide&#xa0;: %n exigences. Il a été conservé sous %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It has no French text for %n field(s), shown in English instead: %1</source>
        <translation>
            <numerusform>Il n&apos;a pas de texte français pour %n champ, affiché en anglais à la place&#xa0;: %1</numerusform>
            <numerusform>Il n&apos;a pas de texte français pour %n champs, affichés en anglais à la place&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Its French text is complete.</source>
        <translation>Son texte français est complet.</translation>
    </message>
    <message>
        <source>To assess a project against it, tick it in that project&apos;s Project details.</source>
        <translation>Pour évaluer un projet selon ce catalogue, cochez-le dans les Détails du projet de ce projet.</translation>
    </message>
    <message>
        <source>Catalogue imported</source>
        <translation>Catalogue importé</translation>
    </message>
    <message>
        <source>Remove catalogue?</source>
        <translation>Retirer le catalogue&#xa0;?</translation>
    </message>
    <message>
        <source>Remove %1 from your catalogues?</source>
        <translation>Retirer %1 de vos catalogues&#xa0;?</translation>
    </message>
    <message>
        <source>Catalogue not removed</source>
        <translation>Catalogue non retiré</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Redo: %1</source>
        <translation>Rétablir&#xa0;: %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1:
%2</source>
        <translation>%1&#xa0;:
%2</translation>
    </message>
    <message>
        <source>Edit project details</source>
        <translation>Modifier les détails du projet</translation>
    </message>
    <message>
        <source>Add zone %1</source>
        <translation>Ajouter la zone %1</translation>
    </message>
    <message>
        <source>Edit zone %1</source>
        <translation>Modifier la zone %1</translation>
    </message>
    <message>
        <source>Remove zone %1</source>
        <translation>Supprimer la zone %1</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Project details</source>
        <translation>Détails du projet</translation>
    </message>
    <message>
        <source>Site program</source>
        <translation>Programme du site</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Remediation item</source>
        <translation>Action de remédiation</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>%1, %2, copy %3</source>
        <translation>%1, %2, copie %3</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>utilisateur inconnu</translation>
    </message>
    <message>
        <source>(removed on this copy)</source>
        <translation>(supprimé dans cette copie)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Achieved maturity</source>
        <translation>Maturité atteinte</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Éléments de preuve</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>SL-T</source>
        <translation>SL-T</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Differs in</source>
        <translation>Diffère par</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>La mienne</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>L&apos;autre</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Take &amp;mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>Prendre l&apos;&amp;autre</translation>
    </message>
    <message>
        <source>&amp;Edit in the walkthrough</source>
        <translation>&amp;Modifier dans l&apos;évaluation</translation>
    </message>
    <message>
        <source>Keep the value the project shows (after editing it, if you did)</source>
        <translation>Garder la valeur affichée par le projet (après l&apos;avoir modifiée, le cas échéant)</translation>
    </message>
    <message>
        <source>Take the other copy&apos;s value instead</source>
        <translation>Prendre plutôt la valeur de l&apos;autre copie</translation>
    </message>
    <message>
        <source>Change the value in the walkthrough, then come back and take mine</source>
        <translation>Modifier la valeur dans l&apos;onglet Évaluation, puis revenir et garder la mienne</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) from merging other copies. The project shows its own value (mine) until you choose.</source>
        <translation>
            <numerusform>%n conflit issu de la fusion d&apos;autres copies. Le projet affiche sa propre valeur (la mienne) jusqu&apos;à votre choix.</numerusform>
            <numerusform>%n conflits issus de la fusion d&apos;autres copies. Le projet affiche sa propre valeur (la mienne) jusqu&apos;à votre choix.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts: every merge is settled.</source>
        <translation>Aucun conflit&#xa0;: toutes les fusions sont réglées.</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>La mienne</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>L&apos;autre</translation>
    </message>
    <message>
        <source>resolve %1</source>
        <translation>régler %1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <source>Site program (IEC 62443-2-1), target ML%1: %n gap(s), %2 not assessed</source>
        <translation>
            <numerusform>Programme du site (IEC 62443-2-1), cible ML%1&#xa0;: %n écart&#xa0;; non évaluées&#xa0;: %2</numerusform>
            <numerusform>Programme du site (IEC 62443-2-1), cible ML%1&#xa0;: %n écarts&#xa0;; non évaluées&#xa0;: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Design</name>
    <message>
        <source>SL-T steps from %1 to %2 in %3 between %4 and %5, and no design note says why</source>
        <translation>Le SL-T passe de %1 à %2 en %3 entre %4 et %5, et aucune note de conception ne dit pourquoi</translation>
    </message>
    <message>
        <source>No conduit connects this zone</source>
        <translation>Aucun conduit ne relie cette zone</translation>
    </message>
    <message>
        <source>Connects %1, which is not a zone of this project</source>
        <translation>Relie %1, qui n&apos;est pas une zone de ce projet</translation>
    </message>
    <message>
        <source>A conduit connects two zones or more; this one connects fewer</source>
        <translation>Un conduit relie au moins deux zones&#xa0;; celui-ci en relie moins</translation>
    </message>
    <message>
        <source>No asset is listed for this zone (layer: %1)</source>
        <translation>Aucun actif n&apos;est inventorié pour cette zone (couche&#xa0;: %1)</translation>
    </message>
</context>
<context>
    <name>DiagramView</name>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>Put every box back where the automatic layout places it</source>
        <translation>Remettre chaque boîte à la place que lui donne la disposition automatique</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;arrière</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Not in this project</source>
        <translation>Absentes du projet</translation>
    </message>
    <message>
        <source>Not placed in a layer</source>
        <translation>Sans couche</translation>
    </message>
    <message>
        <source>A conduit names %1, which is not a zone of this project</source>
        <translation>Un conduit nomme %1, qui n&apos;est pas une zone de ce projet</translation>
    </message>
    <message>
        <source>No zones or conduits yet. Add them in the Zones &amp; conduits tab (Alt+Shift+1): they are drawn here, layer by layer.</source>
        <translation>Aucune zone ni aucun conduit pour l&apos;instant. Ajoutez-les dans l&apos;onglet Zones &amp; conduits (Alt+Maj+1)&#xa0;: ils seront dessinés ici, couche par couche.</translation>
    </message>
    <message numerus="yes">
        <source>Design checks: %n finding(s)</source>
        <translation>
            <numerusform>Contrôles de conception&#xa0;: %n constat</numerusform>
            <numerusform>Contrôles de conception&#xa0;: %n constats</numerusform>
        </translation>
    </message>
    <message>
        <source>SL-T / SL-A per FR: %1</source>
        <translation>SL-T / SL-A par FR&#xa0;: %1</translation>
    </message>
    <message>
        <source>No SL-T set</source>
        <translation>Aucun SL-T défini</translation>
    </message>
    <message>
        <source>Largest SL gap: %1</source>
        <translation>Plus grand écart de SL&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n asset(s)</source>
        <translation>
            <numerusform>%n actif</numerusform>
            <numerusform>%n actifs</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to assess it in the walkthrough</source>
        <translation>Double-cliquer pour l&apos;évaluer dans l&apos;onglet Évaluation</translation>
    </message>
    <message>
        <source>Move %1 on the diagram</source>
        <translation>Déplacer %1 sur le schéma</translation>
    </message>
    <message numerus="yes">
        <source>Move %n boxes on the diagram</source>
        <translation>
            <numerusform>Déplacer %n boîte sur le schéma</numerusform>
            <numerusform>Déplacer %n boîtes sur le schéma</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset the diagram layout</source>
        <translation>Réinitialiser la disposition du schéma</translation>
    </message>
    <message>
        <source>Select one zone or conduit on the diagram to remove it.</source>
        <translation>Sélectionnez une seule zone ou un seul conduit sur le schéma pour le supprimer.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>The details were written to %1; please send that file with your report.</source>
        <translation>Les détails ont été écrits dans %1&#xa0;; merci de joindre ce fichier à votre signalement.</translation>
    </message>
    <message>
        <source>No log file could be written (%1); the details are below.</source>
        <translation>Aucun fichier journal n&apos;a pu être écrit (%1)&#xa0;; les détails figurent ci-dessous.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: %1</source>
        <translation>Une erreur inattendue s&apos;est produite&#xa0;: %1</translation>
    </message>
    <message>
        <source>Changes you made before this are saved. If the program behaves oddly, close the project and open it again.</source>
        <translation>Les modifications faites avant cette erreur sont enregistrées. Si le programme se comporte de façon anormale, fermez le projet et rouvrez-le.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Computing the file&apos;s SHA-256…</source>
        <translation>Calcul de l&apos;empreinte SHA-256 du fichier…</translation>
    </message>
    <message>
        <source>it is not a regular file (a device, a pipe or a folder); only a file can be evidence</source>
        <translation>ce n&apos;est pas un fichier ordinaire (c&apos;est un périphérique, un tube ou un dossier)&#xa0;; seul un fichier peut servir d&apos;élément de preuve</translation>
    </message>
    <message>
        <source>Evidence not added</source>
        <translation>Élément de preuve non ajouté</translation>
    </message>
    <message>
        <source>%1 was not added as evidence: %2.</source>
        <translation>%1 n&apos;a pas été ajouté comme élément de preuve&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Zone or conduit</source>
        <translation>Zone ou conduit</translation>
    </message>
    <message>
        <source>Design check</source>
        <translation>Contrôle de conception</translation>
    </message>
</context>
<context>
    <name>GapChangesModel</name>
    <message>
        <source>Corrected</source>
        <translation>Corrigés</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <source>Persisting</source>
        <translation>Persistants</translation>
    </message>
    <message>
        <source>Site program</source>
        <translation>Programme du site</translation>
    </message>
    <message>
        <source>%1 (added since)</source>
        <translation>%1 (ajout)</translation>
    </message>
    <message>
        <source>%1 (removed since)</source>
        <translation>%1 (retrait)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1, ML%2</source>
        <translation>%1, ML%2</translation>
    </message>
    <message>
        <source>Zone, change, requirement</source>
        <translation>Zone, évolution, exigence</translation>
    </message>
    <message>
        <source>Status last time → now</source>
        <translation>Statut avant → aujourd&apos;hui</translation>
    </message>
</context>
<context>
    <name>GapsModel</name>
    <message>
        <source>Scope</source>
        <translation>Périmètre</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norme</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>%1: edit plan</source>
        <translation>%1&#xa0;: modification du plan</translation>
    </message>
</context>
<context>
    <name>HandOff</name>
    <message>
        <source>Encrypt the bundle</source>
        <translation>Chiffrer l&apos;archive</translation>
    </message>
    <message>
        <source>The bundle&apos;s contents are encrypted with AES-256. The recipient needs this passphrase to open it: give it to them by another way than the bundle. Nothing can recover a forgotten one.</source>
        <translation>Le contenu de l&apos;archive est chiffré en AES-256. Le destinataire aura besoin de cette phrase secrète pour l&apos;ouvrir&#xa0;: transmettez-la-lui par un autre moyen que l&apos;archive. Une phrase secrète oubliée ne peut être retrouvée d&apos;aucune façon.</translation>
    </message>
    <message>
        <source>Handing off the evidence…</source>
        <translation>Préparation de l&apos;archive des éléments de preuve…</translation>
    </message>
    <message>
        <source>Hand off evidence</source>
        <translation>Transmettre les éléments de preuve</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Annulé&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Fichier écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Wrote %1: the register, the plan and %2.</source>
        <translation>Fichier écrit&#xa0;: %1, avec le registre, le plan et %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n evidence file(s)</source>
        <translation>
            <numerusform>%n élément de preuve</numerusform>
            <numerusform>%n éléments de preuve</numerusform>
        </translation>
    </message>
    <message>
        <source>Its contents are encrypted with AES-256; the names of the files inside stay readable.</source>
        <translation>Son contenu est chiffré en AES-256&#xa0;; les noms des fichiers qu&apos;elle contient restent lisibles.</translation>
    </message>
    <message numerus="yes">
        <source>%n evidence file(s) missing: left out (see the details).</source>
        <translation>
            <numerusform>%n élément de preuve manquant&#xa0;: laissé de côté (voir les détails).</numerusform>
            <numerusform>%n éléments de preuve manquants&#xa0;: laissés de côté (voir les détails).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n evidence file(s) changed since they were attached: left out, since they are no longer the evidence recorded (see the details).</source>
        <translation>
            <numerusform>%n élément de preuve modifié depuis son ajout&#xa0;: laissé de côté, car ce n&apos;est plus l&apos;élément de preuve enregistré (voir les détails).</numerusform>
            <numerusform>%n éléments de preuve modifiés depuis leur ajout&#xa0;: laissés de côté, car ce ne sont plus les éléments de preuve enregistrés (voir les détails).</numerusform>
        </translation>
    </message>
    <message>
        <source>SHA-256 of the manifest: %1. Give it to the recipient apart from the bundle, so they can check the manifest itself (ot62443 verify-bundle prints it).</source>
        <translation>Empreinte SHA-256 du manifeste&#xa0;: %1. Transmettez-la au destinataire séparément de l&apos;archive, pour qu&apos;il puisse vérifier le manifeste lui-même (ot62443 verify-bundle l&apos;affiche).</translation>
    </message>
    <message>
        <source>Included:</source>
        <translation>Inclus&#xa0;:</translation>
    </message>
    <message>
        <source>Missing (left out):</source>
        <translation>Manquants (laissés de côté)&#xa0;:</translation>
    </message>
    <message>
        <source>Changed since attached (left out):</source>
        <translation>Modifiés depuis leur ajout (laissés de côté)&#xa0;:</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>not a regular file (a folder, a pipe or a device)</source>
        <translation>pas un fichier ordinaire (un dossier, un tube ou un périphérique)</translation>
    </message>
    <message>
        <source>on a network share, which is never opened on a project&apos;s say-so; copy it to this computer and attach it again</source>
        <translation>sur un partage réseau, jamais ouvert sur la seule foi d&apos;un projet&#xa0;; copiez-le sur cet ordinateur et ajoutez-le de nouveau</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>illisible (%1)</translation>
    </message>
    <message>
        <source>SHA-256 now %1, recorded %2</source>
        <translation>SHA-256 actuelle %1, enregistrée %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2)&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>HandOffDialog</name>
    <message>
        <source>Hand off evidence</source>
        <translation>Transmettre les éléments de preuve</translation>
    </message>
    <message>
        <source>One zip for the auditor: the Excel gap register, the PDF remediation plan, every evidence file the answers reference, and a manifest of their SHA-256 sums, so the recipient can check that nothing changed on the way. Evidence that is missing, or has changed since it was attached, is left out and listed.</source>
        <translation>Une seule archive zip pour l&apos;auditeur&#xa0;: le registre des écarts (Excel), le plan de remédiation (PDF), chaque élément de preuve cité dans les réponses et un manifeste de leurs empreintes SHA-256, pour que le destinataire puisse vérifier que rien n&apos;a changé en chemin. Un élément de preuve manquant, ou modifié depuis son ajout, est laissé de côté et signalé.</translation>
    </message>
    <message>
        <source>&amp;Encrypt the bundle (AES-256) with a passphrase</source>
        <translation>&amp;Chiffrer l&apos;archive (AES-256) avec une phrase secrète</translation>
    </message>
    <message>
        <source>Give the passphrase to the recipient by another way than the bundle. The names of the files inside stay readable: the zip format encrypts contents only.</source>
        <translation>Transmettez la phrase secrète au destinataire par un autre moyen que l&apos;archive. Les noms des fichiers qu&apos;elle contient restent lisibles&#xa0;: le format zip ne chiffre que leur contenu.</translation>
    </message>
    <message>
        <source>&amp;Bundle file:</source>
        <translation>&amp;Fichier de l&apos;archive&#xa0;:</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>Fichier de l&apos;archive</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Archives zip (*.zip)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of %1 in %2</source>
        <translation>Historique de %1 dans %2</translation>
    </message>
    <message>
        <source>Every version this copy knows, each after the versions it was made knowing; the last, in bold, is the current one.</source>
        <translation>Toutes les versions que connaît cette copie, chacune après celles dont elle tenait compte&#xa0;; la dernière, en gras, est la version actuelle.</translation>
    </message>
    <message>
        <source>This requirement has not been answered in this scope.</source>
        <translation>Cette exigence n&apos;a pas reçu de réponse dans ce périmètre.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>utilisateur inconnu</translation>
    </message>
    <message>
        <source> (this copy)</source>
        <translation> (cette copie)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(supprimée)</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>Keyboard reference</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Effet</translation>
    </message>
    <message>
        <source>Answering, in the walkthrough</source>
        <translation>Répondre, dans l&apos;évaluation</translation>
    </message>
    <message>
        <source>The number keys set the status while you are not typing in a text field, for example in the navigator.</source>
        <translation>Les touches numériques fixent le statut quand vous n&apos;êtes pas en train de saisir dans un champ de texte, par exemple dans le navigateur.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut&#xa0;: %1</translation>
    </message>
    <message>
        <source>Achieved maturity ML0 (2-1 requirements)</source>
        <translation>Maturité atteinte ML0 (exigences 2-1)</translation>
    </message>
    <message>
        <source>Achieved maturity %1</source>
        <translation>Maturité atteinte %1</translation>
    </message>
    <message>
        <source>Use last time&apos;s answer (a carried-forward assessment)</source>
        <translation>Reprendre la réponse de la dernière fois (évaluation reconduite)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Not assessed</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>Mis en œuvre</translation>
    </message>
    <message>
        <source>Partially implemented</source>
        <translation>Partiellement mis en œuvre</translation>
    </message>
    <message>
        <source>Not implemented</source>
        <translation>Non mis en œuvre</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Non applicable</translation>
    </message>
    <message>
        <source>Compensating countermeasure</source>
        <translation>Contre-mesure compensatoire</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Partiel</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Compensated</source>
        <translation>Compensé</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Risk accepted</source>
        <translation>Risque accepté</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Conduit</source>
        <translation>Conduit</translation>
    </message>
    <message>
        <source>Initial</source>
        <translation>Initial</translation>
    </message>
    <message>
        <source>Managed</source>
        <translation>Géré</translation>
    </message>
    <message>
        <source>Defined (practised)</source>
        <translation>Défini (pratiqué)</translation>
    </message>
    <message>
        <source>Improving</source>
        <translation>En amélioration</translation>
    </message>
    <message>
        <source>ML%1 · %2</source>
        <translation>ML%1 · %2</translation>
    </message>
    <message>
        <source>%1: due %2 months after the assessment unless a date is set</source>
        <translation>%1&#xa0;: échéance %2 mois après l&apos;évaluation, sauf date fixée</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Action corrective</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <source>Design note</source>
        <translation>Note de conception</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Scope note</source>
        <translation>Note de périmètre</translation>
    </message>
    <message>
        <source>Confidentiality label</source>
        <translation>Mention de confidentialité</translation>
    </message>
</context>
<context>
    <name>LastTimePanel</name>
    <message>
        <source>Use last time&apos;s answer</source>
        <translation>Reprendre la réponse précédente</translation>
    </message>
    <message>
        <source>Record last time&apos;s status, maturity, notes, finding and countermeasure as your answer now (%1); Undo takes it back</source>
        <translation>Enregistrer le statut, la maturité, les notes, le constat et la contre-mesure de la dernière fois comme votre réponse d&apos;aujourd&apos;hui (%1)&#xa0;; Annuler revient en arrière</translation>
    </message>
    <message>
        <source>Last time: %1</source>
        <translation>La dernière fois&#xa0;: %1</translation>
    </message>
    <message>
        <source>Last time (%1): %2</source>
        <translation>La dernière fois (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>ML0 · not in place</source>
        <translation>ML0 · rien en place</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>Level 0: process</source>
        <translation>Niveau 0&#xa0;: procédé</translation>
    </message>
    <message>
        <source>Level 1: basic control</source>
        <translation>Niveau 1&#xa0;: contrôle de base</translation>
    </message>
    <message>
        <source>Level 2: supervisory control</source>
        <translation>Niveau 2&#xa0;: supervision</translation>
    </message>
    <message>
        <source>Level 3: site operations</source>
        <translation>Niveau 3&#xa0;: opérations du site</translation>
    </message>
    <message>
        <source>Level 4: site business</source>
        <translation>Niveau 4&#xa0;: gestion du site</translation>
    </message>
    <message>
        <source>Level 5: enterprise</source>
        <translation>Niveau 5&#xa0;: entreprise</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>No SL gap</source>
        <translation>Aucun écart de SL</translation>
    </message>
    <message>
        <source>SL gap 1</source>
        <translation>Écart de SL de 1</translation>
    </message>
    <message>
        <source>SL gap 2 or more</source>
        <translation>Écart de SL de 2 ou plus</translation>
    </message>
    <message>
        <source>No SL-T</source>
        <translation>Pas de SL-T</translation>
    </message>
    <message>
        <source>Zone not in the project</source>
        <translation>Zone absente du projet</translation>
    </message>
    <message>
        <source>Each box and its lines take the colour of its largest gap between SL-T and SL-A over the seven FRs.</source>
        <translation>Chaque boîte et ses liens prennent la couleur de son plus grand écart entre SL-T et SL-A sur les sept FR.</translation>
    </message>
</context>
<context>
    <name>LicensedTextDialog</name>
    <message>
        <source>Licensed standard text</source>
        <translation>Texte de la norme sous licence</translation>
    </message>
    <message>
        <source>If you own a licensed copy of IEC 62443, import its text to read it beside our summaries in the walkthrough. The file: CSV in UTF-8, a header row id,text, then one row per requirement (ids such as SR 1.1, SR 1.1 RE 1 or ORG 1.1), cells separated by commas or semicolons. It is kept on this computer only, in %1, and never written into a project, an export or an evidence bundle. Importing a file replaces the text imported before.</source>
        <translation>Si vous possédez un exemplaire sous licence de l&apos;IEC 62443, importez-en le texte pour le lire à côté de nos résumés dans l&apos;évaluation. Le fichier&#xa0;: un CSV en UTF-8, une ligne d&apos;en-tête id,text, puis une ligne par exigence (identifiants tels que SR 1.1, SR 1.1 RE 1 ou ORG 1.1), cellules séparées par des virgules ou des points-virgules. Il est conservé sur cet ordinateur uniquement, dans %1, et n&apos;est jamais écrit dans un projet, un export ou un lot d&apos;éléments de preuve. Importer un fichier remplace le texte importé auparavant.</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Import licensed text</source>
        <translation>Importer le texte sous licence</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>You have the licensed text of %n requirement(s), imported from %1 on %2.</source>
        <translation>
            <numerusform>Vous avez le texte sous licence de %n exigence, importé de %1 le %2.</numerusform>
            <numerusform>Vous avez le texte sous licence de %n exigences, importé de %1 le %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No licensed text is imported.</source>
        <translation>Aucun texte sous licence n&apos;est importé.</translation>
    </message>
    <message>
        <source>Licensed text refused</source>
        <translation>Texte sous licence refusé</translation>
    </message>
    <message>
        <source>Replace licensed text?</source>
        <translation>Remplacer le texte sous licence&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Replace the licensed text of %n requirement(s) imported from %1 with this file?</source>
        <translation>
            <numerusform>Remplacer le texte sous licence de %n exigence, importé de %1, par ce fichier&#xa0;?</numerusform>
            <numerusform>Remplacer le texte sous licence de %n exigences, importé de %1, par ce fichier&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Licensed text not kept</source>
        <translation>Texte sous licence non conservé</translation>
    </message>
    <message numerus="yes">
        <source>The licensed text of %n requirement(s) was imported. The walkthrough shows it beside our summary.</source>
        <translation>
            <numerusform>Le texte sous licence de %n exigence a été importé. L&apos;évaluation l&apos;affiche à côté de notre résumé.</numerusform>
            <numerusform>Le texte sous licence de %n exigences a été importé. L&apos;évaluation l&apos;affiche à côté de notre résumé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns not used: %1</source>
        <translation>Colonnes non utilisées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Licensed text imported</source>
        <translation>Texte sous licence importé</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be imported:</source>
        <translation>
            <numerusform>%n ligne n&apos;a pas pu être importée&#xa0;:</numerusform>
            <numerusform>%n lignes n&apos;ont pas pu être importées&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove your licensed text of %n requirement(s)? You can import your file again at any time.</source>
        <translation>
            <numerusform>Retirer votre texte sous licence de %n exigence&#xa0;? Vous pourrez réimporter votre fichier à tout moment.</numerusform>
            <numerusform>Retirer votre texte sous licence de %n exigences&#xa0;? Vous pourrez réimporter votre fichier à tout moment.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove your licensed text, which cannot be read?</source>
        <translation>Retirer votre texte sous licence, qui ne peut pas être lu&#xa0;?</translation>
    </message>
    <message>
        <source>Remove licensed text?</source>
        <translation>Retirer le texte sous licence&#xa0;?</translation>
    </message>
    <message>
        <source>Licensed text not removed</source>
        <translation>Texte sous licence non retiré</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2); nothing was imported</source>
        <translation>%1&#xa0;: lecture impossible (%2)&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: is not a file (a folder, a pipe or a device); nothing was imported</source>
        <translation>%1&#xa0;: n&apos;est pas un fichier (un dossier, un tube ou un périphérique)&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: larger than %3 MB, more than the text of every requirement fills; nothing was imported</source>
        <translation>%1&#xa0;: plus de %3&#xa0;Mo, davantage que le texte de toutes les exigences&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: holds binary data, not CSV text; nothing was imported</source>
        <translation>%1&#xa0;: contient des données binaires, pas du texte CSV&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text (byte %4); save it as &quot;CSV UTF-8&quot; and import that; nothing was imported</source>
        <translation>%1&#xa0;: texte qui n&apos;est pas en UTF-8 (octet %4)&#xa0;; enregistrez-le au format «&#xa0;CSV UTF-8&#xa0;» et importez celui-ci&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: the first row must name the columns id and text (id,text or id;text); nothing was imported</source>
        <translation>%1&#xa0;: la première ligne doit nommer les colonnes id et text (id,text ou id;text)&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: the first row is requirement %2, not the header: add the row id,text above it; nothing was imported</source>
        <translation>%1&#xa0;: la première ligne est l&apos;exigence %2, pas l&apos;en-tête&#xa0;: ajoutez au-dessus la ligne id,text&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: not a CSV file (row %4: %2); nothing was imported</source>
        <translation>%1&#xa0;: ce n&apos;est pas un fichier CSV (ligne %4&#xa0;: %2)&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: more than %3 rows, not one text per requirement; nothing was imported</source>
        <translation>%1&#xa0;: plus de %3 lignes, pas un texte par exigence&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: different texts for the same requirement: %2; keep one row for each and import again; nothing was imported</source>
        <translation>%1&#xa0;: des textes différents pour une même exigence&#xa0;: %2&#xa0;; gardez une seule ligne pour chacune et importez de nouveau&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>%1: no row could be imported; the licensed text you had is kept</source>
        <translation>%1&#xa0;: aucune ligne n&apos;a pu être importée&#xa0;; le texte sous licence que vous aviez est conservé</translation>
    </message>
    <message>
        <source>%1: your licensed text cannot be read (%2); import your file again or remove it</source>
        <translation>%1&#xa0;: votre texte sous licence ne peut pas être lu (%2)&#xa0;; importez de nouveau votre fichier ou retirez-le</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2); the licensed text you had is kept</source>
        <translation>%1&#xa0;: écriture impossible (%2)&#xa0;; le texte sous licence que vous aviez est conservé</translation>
    </message>
    <message>
        <source>%1 (rows %2)</source>
        <translation>%1 (lignes %2)</translation>
    </message>
    <message>
        <source>row %1: %2 is not a requirement of the built-in or imported catalogues (ids read like SR 1.1, SR 1.1 RE 1, ORG 1.1)</source>
        <translation>ligne %1&#xa0;: %2 n&apos;est pas une exigence des catalogues intégrés ou importés (les identifiants s&apos;écrivent SR 1.1, SR 1.1 RE 1, ORG 1.1)</translation>
    </message>
    <message>
        <source>row %1: the id cell is not a requirement id (is the text in the id column?)</source>
        <translation>ligne %1&#xa0;: la cellule id n&apos;est pas un identifiant d&apos;exigence (le texte est-il dans la colonne id&#xa0;?)</translation>
    </message>
    <message>
        <source>row %1: %2 could name more than one requirement; write the id exactly</source>
        <translation>ligne %1&#xa0;: %2 peut désigner plusieurs exigences&#xa0;; écrivez l&apos;identifiant exact</translation>
    </message>
    <message>
        <source>row %1: no id</source>
        <translation>ligne %1&#xa0;: pas d&apos;identifiant</translation>
    </message>
    <message>
        <source>row %1: no text for %2</source>
        <translation>ligne %1&#xa0;: pas de texte pour %2</translation>
    </message>
    <message>
        <source>row %1: the text for %2 is longer than %3 characters</source>
        <translation>ligne %1&#xa0;: le texte de %2 dépasse %3 caractères</translation>
    </message>
</context>
<context>
    <name>LicensedTextPanel</name>
    <message>
        <source>Standard text (your licensed copy)</source>
        <translation>Texte de la norme (votre exemplaire sous licence)</translation>
    </message>
    <message>
        <source>Imported by you from %1. Kept on this computer only: never written into the project, its exports or a bundle.</source>
        <translation>Importé par vous de %1. Conservé sur cet ordinateur uniquement&#xa0;: jamais écrit dans le projet, ses exports ou un lot d&apos;éléments de preuve.</translation>
    </message>
    <message>
        <source>Your licensed text cannot be read. Import your file again, or remove it, with File &gt; Licensed standard text.</source>
        <translation>Votre texte sous licence ne peut pas être lu. Importez de nouveau votre fichier, ou retirez-le, avec Fichier &gt; Texte de la norme sous licence.</translation>
    </message>
</context>
<context>
    <name>LockBadge</name>
    <message>
        <source>Encrypted</source>
        <translation>Chiffré</translation>
    </message>
    <message>
        <source>This project is encrypted: its file, its journal and its backups open only with its passphrase.</source>
        <translation>Ce projet est chiffré&#xa0;: son fichier, son journal et ses sauvegardes ne s&apos;ouvrent qu&apos;avec sa phrase secrète.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message numerus="yes">
        <source>%n merge conflict(s)</source>
        <translation>
            <numerusform>%n conflit de fusion</numerusform>
            <numerusform>%n conflits de fusion</numerusform>
        </translation>
    </message>
    <message>
        <source>NOT SAVED: the last change failed</source>
        <translation>NON ENREGISTRÉ&#xa0;: la dernière modification a échoué</translation>
    </message>
    <message>
        <source>read-only: %1</source>
        <translation>lecture seule&#xa0;: %1</translation>
    </message>
    <message>
        <source>all changes saved</source>
        <translation>toutes les modifications sont enregistrées</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré à %1</translation>
    </message>
    <message>
        <source>NOT SAVED</source>
        <translation>NON ENREGISTRÉ</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>This project can no longer be changed in this window. Copy any text you still need, then close the project and open it again.</source>
        <translation>Ce projet ne peut plus être modifié dans cette fenêtre. Copiez le texte dont vous avez encore besoin, puis fermez le projet et rouvrez-le.</translation>
    </message>
    <message>
        <source>Free some disk space, or check that the project&apos;s folder can still be written (a removed USB stick, a network share that went away), then make the change again. If it keeps failing, close the project and open it again.</source>
        <translation>Libérez de l&apos;espace disque ou vérifiez que le dossier du projet est toujours accessible en écriture (clé USB retirée, partage réseau disparu), puis refaites la modification. Si l&apos;échec persiste, fermez le projet et rouvrez-le.</translation>
    </message>
    <message>
        <source>Your change “%1” could not be saved.</source>
        <translation>Votre modification «&#xa0;%1&#xa0;» n&apos;a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>Every change made before this one is saved.</source>
        <translation>Toutes les modifications antérieures sont enregistrées.</translation>
    </message>
    <message>
        <source>The text you typed is under Show Details, so you can copy it.</source>
        <translation>Le texte que vous avez saisi se trouve sous «&#xa0;Montrer les détails…&#xa0;»&#xa0;: vous pouvez le copier.</translation>
    </message>
    <message>
        <source>Change not saved</source>
        <translation>Modification non enregistrée</translation>
    </message>
    <message>
        <source>Project now read-only</source>
        <translation>Projet passé en lecture seule</translation>
    </message>
    <message>
        <source>Every change so far is saved, but no more changes are possible in this window. Close the project and open it again.</source>
        <translation>Toutes les modifications faites jusqu&apos;ici sont enregistrées, mais plus aucune n&apos;est possible dans cette fenêtre. Fermez le projet et rouvrez-le.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>OT 62443 projects (*.ot62443)</source>
        <translation>Projets OT 62443 (*.ot62443)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>Encrypt the new project</source>
        <translation>Chiffrer le nouveau projet</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>Impossible de créer le projet</translation>
    </message>
    <message>
        <source>New assessment carried forward: every answer starts not assessed, with last time&apos;s beside it. Set its dates in Project details.</source>
        <translation>Nouvelle évaluation reprise de la précédente&#xa0;: chaque réponse repart de «&#xa0;non évalué&#xa0;», avec celle de la dernière fois à côté. Saisissez ses dates dans Détails du projet.</translation>
    </message>
    <message>
        <source>Cannot write the demo project</source>
        <translation>Impossible d&apos;écrire le projet de démonstration</translation>
    </message>
    <message>
        <source>%1 was not opened: no passphrase was given.</source>
        <translation>%1 n&apos;a pas été ouvert&#xa0;: aucune phrase secrète n&apos;a été donnée.</translation>
    </message>
    <message>
        <source>Recovery failed</source>
        <translation>Échec de la récupération</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Impossible d&apos;ouvrir le projet</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>Ouvert en lecture seule</translation>
    </message>
    <message>
        <source>This project is %1. You can read it but not change it here.</source>
        <translation>Ce projet est %1. Vous pouvez le consulter, mais pas le modifier ici.</translation>
    </message>
    <message>
        <source>Damaged project</source>
        <translation>Projet endommagé</translation>
    </message>
    <message>
        <source>Restore the last good backup? The damaged file is kept in the backup folder.</source>
        <translation>Restaurer la dernière sauvegarde valide&#xa0;? Le fichier endommagé est conservé dans le dossier des sauvegardes.</translation>
    </message>
    <message>
        <source>Catalogue missing</source>
        <translation>Catalogue manquant</translation>
    </message>
    <message>
        <source>This project is also assessed against %1, which is not imported on this computer. Its requirements are left out of the walkthrough, the figures and the exports until you import it (File &gt; Import catalogue); the answers recorded against it stay in the project file untouched.</source>
        <translation>Ce projet est aussi évalué selon %1, qui n&apos;est pas importé sur cet ordinateur. Ses exigences sont absentes de l&apos;évaluation, des chiffres et des exports tant que vous ne l&apos;importez pas (Fichier &gt; Importer un catalogue)&#xa0;; les réponses enregistrées pour ce catalogue restent intactes dans le fichier du projet.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Fermer sans enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>The last change was not saved:</source>
        <translation>La dernière modification n&apos;a pas été enregistrée&#xa0;:</translation>
    </message>
    <message>
        <source>If you close the project now, that change is lost (every change before it is saved). Choose No to stay and copy what you typed.</source>
        <translation>Si vous fermez le projet maintenant, cette modification est perdue (toutes les précédentes sont enregistrées). Choisissez Non pour rester et copier ce que vous avez saisi.</translation>
    </message>
    <message>
        <source>Closing %1</source>
        <translation>Fermeture de %1</translation>
    </message>
    <message>
        <source>Language set to %1; it applies the next time you start %2.</source>
        <translation>Langue choisie&#xa0;: %1. Elle s&apos;appliquera au prochain démarrage de %2.</translation>
    </message>
    <message>
        <source>Error while closing</source>
        <translation>Erreur à la fermeture</translation>
    </message>
    <message>
        <source>Something went wrong while closing: %1

Every change that was reported saved is in the project file or its journal and is there the next time you open it.</source>
        <translation>Un problème est survenu à la fermeture&#xa0;: %1

Toute modification signalée comme enregistrée se trouve dans le fichier du projet ou dans son journal, et sera là à la prochaine ouverture.</translation>
    </message>
    <message>
        <source>Project not found</source>
        <translation>Projet introuvable</translation>
    </message>
    <message>
        <source>%1 is not there any more: it was moved, renamed or deleted, or it is on a drive that is not connected. It was taken off the recent projects; use File &gt; Open to find it.</source>
        <translation>%1 n&apos;est plus là&#xa0;: il a été déplacé, renommé ou supprimé, ou il se trouve sur un lecteur qui n&apos;est pas connecté. Il a été retiré des projets récents&#xa0;; utilisez Fichier &gt; Ouvrir pour le retrouver.</translation>
    </message>
</context>
<context>
    <name>MarkdownView</name>
    <message>
        <source>[image not shown: %1]</source>
        <translation>[image non affichée&#xa0;: %1]</translation>
    </message>
</context>
<context>
    <name>ModelMessages</name>
    <message>
        <source>The client must not be empty.</source>
        <translation>Le client ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The site must not be empty.</source>
        <translation>Le site ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The target maturity must be 1 to 4, not %1.</source>
        <translation>La maturité cible doit être de 1 à 4, pas %1.</translation>
    </message>
    <message>
        <source>The assessment end date is before its start date.</source>
        <translation>La date de fin de l&apos;évaluation est antérieure à sa date de début.</translation>
    </message>
    <message>
        <source>A project has at most %1 layers, each with a name.</source>
        <translation>Un projet a au plus %1 couches, chacune avec un nom.</translation>
    </message>
    <message>
        <source>Two layers have the same name.</source>
        <translation>Deux couches portent le même nom.</translation>
    </message>
    <message>
        <source>An asset needs a name.</source>
        <translation>Un actif doit avoir un nom.</translation>
    </message>
    <message>
        <source>An asset line has at most 5 fields (name; type; vendor/model; firmware; notes): “%1”.</source>
        <translation>Une ligne d&apos;actif a au plus 5 champs (nom&#xa0;; type&#xa0;; fabricant/modèle&#xa0;; micrologiciel&#xa0;; notes)&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The id “%1” is reserved for the site program; choose another.</source>
        <translation>L&apos;id «&#xa0;%1&#xa0;» est réservé au programme du site&#xa0;; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Zone id “%1” must be 1-40 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>L&apos;id de zone «&#xa0;%1&#xa0;» doit compter de 1 à 40 caractères (lettres, chiffres, point, tiret bas ou tiret) et commencer par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>Zone %1: the name must not be empty.</source>
        <translation>Zone %1&#xa0;: le nom ne peut pas être vide.</translation>
    </message>
    <message>
        <source>Zone %1: the SL-T must be 7 levels of 0 to 4, not %2.</source>
        <translation>Zone %1&#xa0;: le SL-T doit compter 7 niveaux de 0 à 4, pas %2.</translation>
    </message>
    <message>
        <source>Zone %1: the layer must be 0 to %2, not %3.</source>
        <translation>Zone %1&#xa0;: la couche doit être de 0 à %2, pas %3.</translation>
    </message>
    <message>
        <source>Zone %1: only a conduit connects zones.</source>
        <translation>Zone %1&#xa0;: seul un conduit relie des zones.</translation>
    </message>
    <message>
        <source>Conduit %1 cannot connect itself.</source>
        <translation>Le conduit %1 ne peut pas se relier à lui-même.</translation>
    </message>
    <message>
        <source>Conduit %1 names a zone twice among those it connects.</source>
        <translation>Le conduit %1 nomme deux fois la même zone parmi celles qu&apos;il relie.</translation>
    </message>
    <message>
        <source>Conduit %1: “%2” is not a zone id.</source>
        <translation>Conduit %1&#xa0;: «&#xa0;%2&#xa0;» n&apos;est pas un id de zone.</translation>
    </message>
    <message>
        <source>The achieved maturity must be 0 to 4, not %1.</source>
        <translation>La maturité atteinte doit être de 0 à 4, pas %1.</translation>
    </message>
    <message>
        <source>An accepted risk needs a justification.</source>
        <translation>Un risque accepté doit avoir une justification.</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>Site program</source>
        <translation>Programme du site</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Exigence</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n gap(s)</source>
        <translation>
            <numerusform>%1 · %n écart</numerusform>
            <numerusform>%1 · %n écarts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 answered, %n gap(s)</source>
        <translation>
            <numerusform>%1 sur %2 renseignées, %n écart</numerusform>
            <numerusform>%1 sur %2 renseignées, %n écarts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewFromPrevious</name>
    <message>
        <source>OT 62443 projects (*.ot62443)</source>
        <translation>Projets OT 62443 (*.ot62443)</translation>
    </message>
    <message>
        <source>Previous assessment to carry forward</source>
        <translation>Évaluation précédente à reprendre</translation>
    </message>
    <message>
        <source>Save the new assessment as</source>
        <translation>Enregistrer la nouvelle évaluation sous</translation>
    </message>
    <message>
        <source>Encrypt the new assessment</source>
        <translation>Chiffrer la nouvelle évaluation</translation>
    </message>
    <message>
        <source>%1 is encrypted, so the new assessment is encrypted too: last time&apos;s answers travel inside it. Keep the same passphrase, or give the new assessment one of its own?</source>
        <translation>%1 est chiffré, la nouvelle évaluation l&apos;est donc aussi&#xa0;: les réponses de la fois précédente voyagent avec elle. Garder la même phrase secrète, ou en donner une propre à la nouvelle évaluation&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Same passphrase</source>
        <translation>&amp;Même phrase secrète</translation>
    </message>
    <message>
        <source>&amp;New passphrase…</source>
        <translation>&amp;Nouvelle phrase secrète…</translation>
    </message>
    <message>
        <source>%1 is the previous assessment itself. The new assessment goes in a file of its own, so that last time&apos;s stays as it was: choose another name.</source>
        <translation>%1 est l&apos;évaluation précédente elle-même. La nouvelle évaluation va dans un fichier à part, pour que la précédente reste telle quelle&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The new assessment is never written over an existing file: choose a new name.</source>
        <translation>La nouvelle évaluation n&apos;écrase jamais un fichier existant&#xa0;: choisissez un nouveau nom.</translation>
    </message>
    <message>
        <source>Cannot start the new assessment</source>
        <translation>Impossible de commencer la nouvelle évaluation</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>&amp;Confirmation&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Show the characters</source>
        <translation>A&amp;fficher les caractères</translation>
    </message>
    <message>
        <source>It holds a control character (a tab or a line break, pasted with it?), which nobody can type where it is asked for.</source>
        <translation>Il contient un caractère de contrôle (une tabulation ou un saut de ligne, collés avec lui peut-être), que personne ne peut taper là où il est demandé.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Les deux saisies diffèrent.</translation>
    </message>
    <message>
        <source>Strength: weak. Use 12 or more characters mixing letters, digits and signs, or a phrase of several words.</source>
        <translation>Robustesse&#xa0;: faible. Utilisez au moins 12 caractères mêlant lettres, chiffres et signes, ou une phrase de plusieurs mots.</translation>
    </message>
    <message>
        <source>Strength: fair. Longer is stronger: 16 or more characters, or 12 mixing letters, digits and signs.</source>
        <translation>Robustesse&#xa0;: moyenne. Plus long est plus sûr&#xa0;: au moins 16 caractères, ou 12 mêlant lettres, chiffres et signes.</translation>
    </message>
    <message>
        <source>Strength: strong.</source>
        <translation>Robustesse&#xa0;: bonne.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>A new language applies the next time you start the program: close it and start it again. Until then it keeps its current language (%1).</source>
        <translation>Une nouvelle langue s&apos;applique au prochain démarrage du programme&#xa0;: fermez-le, puis relancez-le. D&apos;ici là, il garde sa langue actuelle (%1).</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
</context>
<context>
    <name>ProgramModel</name>
    <message>
        <source>Element</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Exigences</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Évaluées</translation>
    </message>
    <message>
        <source>Average ML</source>
        <translation>ML moyen</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Écarts</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>This project was not carried forward from a previous assessment.

To see here what changed since the last one, start the new assessment with File &gt; New from previous assessment…</source>
        <translation>Ce projet n&apos;a pas été repris d&apos;une évaluation précédente.

Pour voir ici ce qui a changé depuis la dernière, commencez la nouvelle évaluation par Fichier &gt; Nouvelle évaluation à partir de la précédente…</translation>
    </message>
    <message>
        <source>Gaps per zone and for the site program (expand a zone to list them)</source>
        <translation>Écarts par zone et pour le programme du site (dépliez une zone pour les voir)</translation>
    </message>
    <message>
        <source>IEC 62443-2-1 mean maturity per element, site program: last time (grey) above now (green if higher, red if lower); the dashed line is the target</source>
        <translation>Maturité moyenne IEC 62443-2-1 par élément, programme du site&#xa0;: la dernière fois (gris) au-dessus d&apos;aujourd&apos;hui (vert si plus haut, rouge si plus bas)&#xa0;; la ligne pointillée est la cible</translation>
    </message>
    <message>
        <source>SL-A per zone and FR, last time → now (▲ higher, ▼ lower)</source>
        <translation>SL-A par zone et FR, la dernière fois → aujourd&apos;hui (▲ plus haut, ▼ plus bas)</translation>
    </message>
    <message>
        <source>Since the last assessment (%1)</source>
        <translation>Depuis la dernière évaluation (%1)</translation>
    </message>
    <message>
        <source>Since the last assessment</source>
        <translation>Depuis la dernière évaluation</translation>
    </message>
    <message>
        <source>Gaps corrected: %1 · new: %2 · persisting: %3 (all zones and the site program)</source>
        <translation>Écarts corrigés&#xa0;: %1 · nouveaux&#xa0;: %2 · persistants&#xa0;: %3 (toutes les zones et le programme du site)</translation>
    </message>
    <message>
        <source>Zones added: %1</source>
        <translation>Zones ajoutées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Zones removed: %1</source>
        <translation>Zones retirées&#xa0;: %1</translation>
    </message>
    <message>
        <source>No zone added or removed.</source>
        <translation>Aucune zone ajoutée ni retirée.</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Project details</source>
        <translation>Détails du projet</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Noms, séparés par des virgules</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidentiel</translation>
    </message>
    <message>
        <source>Same as the application (%1)</source>
        <translation>Comme l&apos;application (%1)</translation>
    </message>
    <message>
        <source>The language of this project&apos;s Excel register and PDF plan</source>
        <translation>Langue du registre Excel et du plan PDF de ce projet</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>&amp;Site</translation>
    </message>
    <message>
        <source>&amp;Assessors</source>
        <translation>É&amp;valuateurs</translation>
    </message>
    <message>
        <source>Assessment s&amp;tart</source>
        <translation>&amp;Début de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Assessment &amp;end</source>
        <translation>&amp;Fin de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Scope &amp;note</source>
        <translation>&amp;Note de périmètre</translation>
    </message>
    <message>
        <source>Confidentiality &amp;label</source>
        <translation>&amp;Mention de confidentialité</translation>
    </message>
    <message>
        <source>2-1 target &amp;maturity</source>
        <translation>Ma&amp;turité cible 2-1</translation>
    </message>
    <message>
        <source>&amp;Report language</source>
        <translation>&amp;Langue des rapports</translation>
    </message>
    <message>
        <source>Cata&amp;logues</source>
        <translation>Cata&amp;logues</translation>
    </message>
    <message>
        <source>Encr&amp;ypt this project with a passphrase</source>
        <translation>C&amp;hiffrer ce projet avec une phrase secrète</translation>
    </message>
    <message>
        <source>The project file, its journal and its backups are kept unreadable without the passphrase, which is asked each time the project is opened.</source>
        <translation>Le fichier du projet, son journal et ses sauvegardes restent illisibles sans la phrase secrète, demandée à chaque ouverture du projet.</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <source>%1: could not be closed cleanly (%2)</source>
        <translation>%1&#xa0;: n&apos;a pas pu être fermé proprement (%2)</translation>
    </message>
    <message>
        <source>Site program</source>
        <translation>Programme du site</translation>
    </message>
    <message>
        <source>unexpected error (%1)</source>
        <translation>erreur inattendue (%1)</translation>
    </message>
    <message>
        <source>Nothing was changed: this project is read-only (%1).</source>
        <translation>Rien n&apos;a été modifié&#xa0;: ce projet est en lecture seule (%1).</translation>
    </message>
</context>
<context>
    <name>ProjectView</name>
    <message>
        <source>Zones &amp;&amp; conduits</source>
        <translation>Zones &amp;&amp; conduits</translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Remediation plan</source>
        <translation>Plan de remédiation</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>Conflits (%n)</numerusform>
            <numerusform>Conflits (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Protection</name>
    <message>
        <source>%1, its journal and its backups are encrypted with this passphrase (AES-256); it is asked each time the project is opened. Nothing can recover a forgotten passphrase: keep it where you keep the client&apos;s other secrets.</source>
        <translation>%1, son journal et ses sauvegardes sont chiffrés avec cette phrase secrète (AES-256)&#xa0;; elle est demandée à chaque ouverture du projet. Une phrase secrète oubliée ne peut être retrouvée d&apos;aucune façon&#xa0;: gardez-la là où vous gardez les autres secrets du client.</translation>
    </message>
    <message>
        <source>Remove protection</source>
        <translation>Supprimer la protection</translation>
    </message>
    <message>
        <source>Store %1 without encryption? The project file and its backups become readable: anyone who gets this computer, the file or a backup of it can read every finding. Copies made before (a work package, a copy on a USB stick) keep their passphrase.</source>
        <translation>Enregistrer %1 sans chiffrement&#xa0;? Le fichier du projet et ses sauvegardes deviennent lisibles&#xa0;: quiconque obtient cet ordinateur, le fichier ou l&apos;une de ses sauvegardes peut lire chaque constat. Les copies faites auparavant (un lot de travail, une copie sur une clé USB) gardent leur phrase secrète.</translation>
    </message>
    <message>
        <source>&amp;Remove protection</source>
        <translation>&amp;Supprimer la protection</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>Protéger par une phrase secrète</translation>
    </message>
    <message>
        <source>%1 and its backups are encrypted. A forgotten passphrase cannot be recovered.</source>
        <translation>%1 et ses sauvegardes sont chiffrés. Une phrase secrète oubliée ne peut pas être retrouvée.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>%1 and its backups now open with the new passphrase only. Copies made before keep the old one.</source>
        <translation>%1 et ses sauvegardes ne s&apos;ouvrent plus qu&apos;avec la nouvelle phrase secrète. Les copies faites auparavant gardent l&apos;ancienne.</translation>
    </message>
    <message>
        <source>%1 and its backups are no longer encrypted.</source>
        <translation>%1 et ses sauvegardes ne sont plus chiffrés.</translation>
    </message>
    <message>
        <source>Nothing was changed: the project keeps the protection it had. Free some disk space, or check that its folder can still be written, then try again. If it keeps failing, close the project and open it again.</source>
        <translation>Rien n&apos;a été modifié&#xa0;: le projet garde la protection qu&apos;il avait. Libérez de l&apos;espace disque, ou vérifiez que son dossier est toujours accessible en écriture, puis réessayez. Si l&apos;échec persiste, fermez le projet et rouvrez-le.</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>Open recen&amp;t</source>
        <translation>Ouvrir un projet récen&amp;t</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>(introuvable)</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Aucun projet récent</translation>
    </message>
    <message>
        <source>&amp;Clear this list</source>
        <translation>&amp;Vider cette liste</translation>
    </message>
</context>
<context>
    <name>RemediationView</name>
    <message>
        <source>Filter by any column</source>
        <translation>Filtrer sur toutes les colonnes</translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n écart</numerusform>
            <numerusform>%n écarts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequirementPage</name>
    <message>
        <source>Green: met. Red: a gap. Grey: not assessed yet. Blue: not applicable.</source>
        <translation>Vert&#xa0;: satisfaite. Rouge&#xa0;: un écart. Gris&#xa0;: pas encore évaluée. Bleu&#xa0;: non applicable.</translation>
    </message>
    <message>
        <source>— not rated</source>
        <translation>— non évaluée</translation>
    </message>
    <message>
        <source>ML0 · not in place</source>
        <translation>ML0 · rien en place</translation>
    </message>
    <message>
        <source>Achieved maturity:</source>
        <translation>Maturité atteinte&#xa0;:</translation>
    </message>
    <message>
        <source>Notes (Markdown): what you saw, who you spoke to</source>
        <translation>Notes (Markdown)&#xa0;: ce que vous avez vu, qui vous avez rencontré</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Finding: the gap in one or two sentences, for the register</source>
        <translation>Constat&#xa0;: l&apos;écart en une ou deux phrases, pour le registre</translation>
    </message>
    <message>
        <source>&amp;Finding</source>
        <translation>&amp;Constat</translation>
    </message>
    <message>
        <source>The compensating countermeasure and why it is adequate</source>
        <translation>La contre-mesure compensatoire et pourquoi elle suffit</translation>
    </message>
    <message>
        <source>Compensating &amp;countermeasure</source>
        <translation>C&amp;ontre-mesure compensatoire</translation>
    </message>
    <message>
        <source>Status (keys 1-6)</source>
        <translation>Statut (touches 1 à 6)</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1 (touche %2)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Éléments de preuve</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Ajouter un fichier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remediation</source>
        <translation>Remédiation</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Action corrective</translation>
    </message>
    <message>
        <source>Who will do it</source>
        <translation>Qui la réalisera</translation>
    </message>
    <message>
        <source>Default for the priority</source>
        <translation>Par défaut selon la priorité</translation>
    </message>
    <message>
        <source>Why the risk is accepted (required)</source>
        <translation>Pourquoi le risque est accepté (obligatoire)</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorité</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <source>&amp;Due date</source>
        <translation>Éc&amp;héance</translation>
    </message>
    <message>
        <source>&amp;Effort</source>
        <translation>Char&amp;ge</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>É&amp;tat</translation>
    </message>
    <message>
        <source>&amp;Justification</source>
        <translation>&amp;Justification</translation>
    </message>
    <message>
        <source>SL %1</source>
        <translation>SL %1</translation>
    </message>
    <message>
        <source>What it asks</source>
        <translation>Ce qui est exigé</translation>
    </message>
    <message>
        <source>What to check on site</source>
        <translation>Ce qu&apos;il faut vérifier sur site</translation>
    </message>
    <message>
        <source>Typical evidence</source>
        <translation>Éléments de preuve usuels</translation>
    </message>
    <message>
        <source>Maturity levels</source>
        <translation>Niveaux de maturité</translation>
    </message>
    <message>
        <source>target ML%1</source>
        <translation>cible ML%1</translation>
    </message>
    <message>
        <source>NOT CHECKED (network path): %1</source>
        <translation>NON VÉRIFIÉ (chemin réseau)&#xa0;: %1</translation>
    </message>
    <message>
        <source>MISSING: %1</source>
        <translation>INTROUVABLE&#xa0;: %1</translation>
    </message>
    <message>
        <source>Computed (%1)</source>
        <translation>Calculée (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nothing was changed: the previous assessment has no answer to this requirement here.</source>
        <translation>Rien n&apos;a été modifié&#xa0;: l&apos;évaluation précédente n&apos;a pas de réponse à cette exigence ici.</translation>
    </message>
    <message>
        <source>Nothing was changed: this project was not carried forward from a previous assessment.</source>
        <translation>Rien n&apos;a été modifié&#xa0;: ce projet n&apos;a pas été repris d&apos;une évaluation précédente.</translation>
    </message>
    <message>
        <source>%1: use last time&apos;s answer</source>
        <translation>%1&#xa0;: reprise de la réponse précédente</translation>
    </message>
    <message>
        <source>%1: maturity</source>
        <translation>%1&#xa0;: maturité</translation>
    </message>
    <message>
        <source>%1: edit notes</source>
        <translation>%1&#xa0;: modification des notes</translation>
    </message>
    <message>
        <source>%1: edit finding</source>
        <translation>%1&#xa0;: modification du constat</translation>
    </message>
    <message>
        <source>%1: edit countermeasure</source>
        <translation>%1&#xa0;: modification de la contre-mesure</translation>
    </message>
    <message>
        <source>zone %1 was removed meanwhile</source>
        <translation>la zone %1 a été supprimée entre-temps</translation>
    </message>
    <message>
        <source>%1: add evidence</source>
        <translation>%1&#xa0;: ajout d&apos;un élément de preuve</translation>
    </message>
    <message>
        <source>Add evidence file</source>
        <translation>Ajouter un fichier de preuve</translation>
    </message>
    <message>
        <source>%1: remove evidence</source>
        <translation>%1&#xa0;: retrait d&apos;un élément de preuve</translation>
    </message>
    <message>
        <source>%1: edit remediation</source>
        <translation>%1&#xa0;: modification de la remédiation</translation>
    </message>
    <message>
        <source>A justification is required to accept a risk</source>
        <translation>Une justification est obligatoire pour accepter un risque</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>the background task&apos;s answer could not be read (%1)</source>
        <translation>la réponse de la tâche de fond n&apos;a pas pu être lue (%1)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The background task stopped unexpectedly (exit code %1)</source>
        <translation>La tâche de fond s&apos;est arrêtée de façon inattendue (code de sortie %1)</translation>
    </message>
</context>
<context>
    <name>SLChart</name>
    <message>
        <source>SL-T (outline) vs SL-A (filled): %1</source>
        <translation>SL-T (contour) et SL-A (plein)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select a zone to see its chart</source>
        <translation>Sélectionnez une zone pour voir son graphique</translation>
    </message>
</context>
<context>
    <name>SLProgressGrid</name>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajout</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retrait</translation>
    </message>
    <message>
        <source>%1, %2: SL-A %3 now; the zone was not in the previous assessment</source>
        <translation>%1, %2&#xa0;: SL-A %3 aujourd&apos;hui&#xa0;; la zone n&apos;était pas dans l&apos;évaluation précédente</translation>
    </message>
    <message>
        <source>%1, %2: SL-A %3 last time; the zone is no longer assessed</source>
        <translation>%1, %2&#xa0;: SL-A %3 la dernière fois&#xa0;; la zone n&apos;est plus évaluée</translation>
    </message>
    <message>
        <source>%1, %2: SL-A %3 last time, %4 now</source>
        <translation>%1, %2&#xa0;: SL-A %3 la dernière fois, %4 aujourd&apos;hui</translation>
    </message>
</context>
<context>
    <name>SaveFileField</name>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split work package</source>
        <translation>Découper un lot de travail</translation>
    </message>
    <message>
        <source>A work package is a copy of this project holding the zones you tick, for a colleague to assess on another laptop. Merge it back with File &gt; Merge another copy when it returns.</source>
        <translation>Un lot de travail est une copie de ce projet qui contient les zones cochées, qu&apos;un collègue évalue sur un autre ordinateur. Au retour, réintégrez-le avec Fichier &gt; Fusionner une autre copie.</translation>
    </message>
    <message>
        <source>&amp;Include the site&apos;s security program (IEC 62443-2-1)</source>
        <translation>&amp;Inclure le programme de sécurité du site (IEC 62443-2-1)</translation>
    </message>
    <message>
        <source>&amp;Zones and conduits:</source>
        <translation>&amp;Zones et conduits&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Work package file:</source>
        <translation>&amp;Fichier du lot de travail&#xa0;:</translation>
    </message>
    <message>
        <source>Work package file</source>
        <translation>Fichier du lot de travail</translation>
    </message>
    <message>
        <source>OT 62443 projects (*.ot62443)</source>
        <translation>Projets OT 62443 (*.ot62443)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>OT 62443 Workbook</source>
        <translation>OT 62443 Workbook</translation>
    </message>
    <message>
        <source>Zone-by-zone IEC 62443-3-3 and IEC 62443-2-1 assessments. Every answer is saved the moment you give it.</source>
        <translation>Évaluations IEC 62443-3-3 et IEC 62443-2-1, zone par zone. Chaque réponse est enregistrée dès que vous la donnez.</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>Ouvrir le projet de &amp;démonstration</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>(introuvable)</translation>
    </message>
</context>
<context>
    <name>TeamWork</name>
    <message>
        <source>Merge another copy</source>
        <translation>Fusionner une autre copie</translation>
    </message>
    <message>
        <source>OT 62443 projects (*.ot62443)</source>
        <translation>Projets OT 62443 (*.ot62443)</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>%1 holds nothing this project does not already have.</source>
        <translation>%1 ne contient rien que ce projet n&apos;ait déjà.</translation>
    </message>
    <message>
        <source>Reading the other copy…</source>
        <translation>Lecture de l&apos;autre copie…</translation>
    </message>
    <message>
        <source>From %1:</source>
        <translation>Depuis %1&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to take</source>
        <translation>
            <numerusform>%n modification à reprendre</numerusform>
            <numerusform>%n modifications à reprendre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): records both copies changed differently. The project keeps its own value and shows the other beside it in the Conflicts tab until you choose.</source>
        <translation>
            <numerusform>%n conflit&#xa0;: un enregistrement modifié différemment dans les deux copies. Le projet garde sa propre valeur et montre l&apos;autre à côté, dans l&apos;onglet Conflits, jusqu&apos;à votre choix.</numerusform>
            <numerusform>%n conflits&#xa0;: des enregistrements modifiés différemment dans les deux copies. Le projet garde sa propre valeur et montre l&apos;autre à côté, dans l&apos;onglet Conflits, jusqu&apos;à votre choix.</numerusform>
        </translation>
    </message>
    <message>
        <source>A merge cannot be undone, but every value it replaces is kept in the answer&apos;s history.</source>
        <translation>Une fusion ne peut pas être annulée, mais chaque valeur qu&apos;elle remplace reste dans l&apos;historique de la réponse.</translation>
    </message>
    <message>
        <source>Nothing was merged.</source>
        <translation>Rien n&apos;a été fusionné.</translation>
    </message>
    <message>
        <source>Merged %1: %2 change(s) taken, %3 conflict(s).</source>
        <translation>%1 fusionné&#xa0;: %2 modification(s) reprise(s), %3 conflit(s).</translation>
    </message>
    <message>
        <source>Split work package</source>
        <translation>Découper un lot de travail</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Wrote the work package %1 (%2). When it comes back, merge it with File &gt; Merge another copy.</source>
        <translation>Lot de travail %1 écrit (%2). À son retour, fusionnez-le avec Fichier &gt; Fusionner une autre copie.</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Annulé&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Export or import failed</source>
        <translation>Échec de l&apos;export ou de l&apos;import</translation>
    </message>
    <message>
        <source>Export Excel gap register</source>
        <translation>Exporter le registre des écarts (Excel)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Excel workbooks encrypted with a password (*.xlsx)</source>
        <translation>Classeurs Excel chiffrés par mot de passe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export PDF remediation plan</source>
        <translation>Exporter le plan de remédiation (PDF)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF documents encrypted with a password (*.pdf)</source>
        <translation>Documents PDF chiffrés par mot de passe (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote %1, encrypted with a password</source>
        <translation>Fichier écrit, chiffré par mot de passe&#xa0;: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Fichier écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Excel gap register</source>
        <translation>registre des écarts Excel</translation>
    </message>
    <message>
        <source>PDF remediation plan</source>
        <translation>plan de remédiation PDF</translation>
    </message>
    <message>
        <source>Export a readable document?</source>
        <translation>Exporter un document lisible&#xa0;?</translation>
    </message>
    <message>
        <source>This project is encrypted, but the %1 you are about to write is not: anyone who gets the file (a mail, a USB stick, a shared folder) can read every finding in it. Encrypt it with a password, or export it readable for a recipient who cannot open encrypted files?</source>
        <translation>Ce projet est chiffré, mais le %1 que vous allez écrire ne l&apos;est pas&#xa0;: quiconque obtient le fichier (un courriel, une clé USB, un dossier partagé) peut y lire chaque constat. Le chiffrer avec un mot de passe, ou l&apos;exporter lisible pour un destinataire qui ne peut pas ouvrir de fichiers chiffrés&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Encrypt it</source>
        <translation>&amp;Le chiffrer</translation>
    </message>
    <message>
        <source>Export &amp;readable</source>
        <translation>Exporter &amp;lisible</translation>
    </message>
    <message>
        <source>Encrypt the Excel gap register</source>
        <translation>Chiffrer le registre des écarts (Excel)</translation>
    </message>
    <message>
        <source>Excel and LibreOffice Calc will ask for this password to open the register. Keep it apart from the file: nobody can open the register without it, and it cannot be recovered.</source>
        <translation>Excel et LibreOffice Calc demanderont ce mot de passe pour ouvrir le registre. Conservez-le à part du fichier&#xa0;: sans lui, personne ne peut ouvrir le registre, et il ne peut pas être retrouvé.</translation>
    </message>
    <message>
        <source>Encrypt the PDF remediation plan</source>
        <translation>Chiffrer le plan de remédiation (PDF)</translation>
    </message>
    <message>
        <source>PDF readers will ask for this password to open the plan (AES-256). Keep it apart from the file: nobody can open the plan without it, and it cannot be recovered.</source>
        <translation>Les lecteurs PDF demanderont ce mot de passe pour ouvrir le plan (AES-256). Conservez-le à part du fichier&#xa0;: sans lui, personne ne peut ouvrir le plan, et il ne peut pas être retrouvé.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirmer le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>A PDF password may only hold ASCII letters, digits, spaces and punctuation: PDF readers do not all read other characters (such as é) alike.</source>
        <translation>Un mot de passe PDF ne peut contenir que des lettres, chiffres, espaces et signes de ponctuation ASCII&#xa0;: les lecteurs PDF ne lisent pas tous les autres caractères (comme é) de la même façon.</translation>
    </message>
    <message>
        <source>Too long: %1 characters at most.</source>
        <translation>Trop long&#xa0;: %1 caractères au plus.</translation>
    </message>
    <message>
        <source>Import edited register</source>
        <translation>Importer le registre modifié</translation>
    </message>
    <message>
        <source>Import register</source>
        <translation>Importer le registre</translation>
    </message>
    <message>
        <source>The project was closed while the register was being read; nothing was imported. Open the project and import the register again.</source>
        <translation>Le projet a été fermé pendant la lecture du registre&#xa0;; rien n&apos;a été importé. Ouvrez le projet et importez de nouveau le registre.</translation>
    </message>
    <message>
        <source>Reading the register…</source>
        <translation>Lecture du registre…</translation>
    </message>
    <message numerus="yes">
        <source>Import register (%n row(s))</source>
        <translation>
            <numerusform>Import du registre (%n ligne)</numerusform>
            <numerusform>Import du registre (%n lignes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s)</source>
        <translation>
            <numerusform>%n ligne importée</numerusform>
            <numerusform>%n lignes importées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <source>Wrong passphrase: it does not open this file. Check Caps Lock and the keyboard layout, and try again.</source>
        <translation>Phrase secrète erronée&#xa0;: elle n&apos;ouvre pas ce fichier. Vérifiez la touche Verr. Maj et la disposition du clavier, puis réessayez.</translation>
    </message>
    <message>
        <source>Other copy encrypted</source>
        <translation>Autre copie chiffrée</translation>
    </message>
    <message>
        <source>The copy %1 does not open with this project&apos;s passphrase: it was given another one. Type that copy&apos;s passphrase to read it.</source>
        <translation>La copie %1 ne s&apos;ouvre pas avec la phrase secrète de ce projet&#xa0;: elle en a reçu une autre. Saisissez la phrase secrète de cette copie pour la lire.</translation>
    </message>
    <message>
        <source>The copy %1 is encrypted. Type its passphrase to read it.</source>
        <translation>La copie %1 est chiffrée. Saisissez sa phrase secrète pour la lire.</translation>
    </message>
    <message>
        <source>Encrypted project</source>
        <translation>Projet chiffré</translation>
    </message>
    <message>
        <source>%1 is encrypted. Type its passphrase to open it.</source>
        <translation>%1 est chiffré. Saisissez sa phrase secrète pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dossier&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Walkthrough</name>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Écarts</translation>
    </message>
    <message>
        <source>Search ids, titles, notes (Ctrl+F)</source>
        <translation>Chercher id, titre, notes (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show requirements above SL-T</source>
        <translation>Afficher aussi les exigences au-delà du SL-T</translation>
    </message>
    <message>
        <source>Choose a requirement in the navigator, or press Ctrl+Return to start.</source>
        <translation>Choisissez une exigence dans l&apos;arborescence, ou appuyez sur Ctrl+Entrée pour commencer.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n merge conflict(s) to settle: see the Conflicts tab</source>
        <translation>
            <numerusform>%n conflit de fusion à régler&#xa0;: voir l&apos;onglet Conflits</numerusform>
            <numerusform>%n conflits de fusion à régler&#xa0;: voir l&apos;onglet Conflits</numerusform>
        </translation>
    </message>
    <message>
        <source>Answer &amp;history…</source>
        <translation>&amp;Historique de la réponse…</translation>
    </message>
</context>
<context>
    <name>ZoneDialog</name>
    <message>
        <source>Edit zone</source>
        <translation>Modifier la zone</translation>
    </message>
    <message>
        <source>Add zone or conduit</source>
        <translation>Ajouter une zone ou un conduit</translation>
    </message>
    <message>
        <source>One level for all FRs</source>
        <translation>Un niveau pour toutes les FR</translation>
    </message>
    <message>
        <source>Per FR</source>
        <translation>Par FR</translation>
    </message>
    <message>
        <source>Also assess the IEC 62443-2-1 program for this zone</source>
        <translation>Évaluer aussi le programme IEC 62443-2-1 pour cette zone</translation>
    </message>
    <message>
        <source>Why the design is acceptable where a check would flag it, e.g. a data diode across a step in SL-T</source>
        <translation>Pourquoi la conception est acceptable là où un contrôle la signalerait, par exemple une diode de données entre deux SL-T éloignés</translation>
    </message>
    <message>
        <source>Not placed in a layer</source>
        <translation>Aucune couche</translation>
    </message>
    <message>
        <source>Layer %1 (not one of this project&apos;s layers)</source>
        <translation>Couche %1 (absente des couches de ce projet)</translation>
    </message>
    <message>
        <source>%1 (not a zone of this project)</source>
        <translation>%1 (pas une zone de ce projet)</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>&amp;Id</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Criticality</source>
        <translation>&amp;Criticité</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>C&amp;ouche</translation>
    </message>
    <message>
        <source>SL-T</source>
        <translation>SL-T</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Connec&amp;ts</source>
        <translation>Zones re&amp;liées</translation>
    </message>
    <message>
        <source>Design &amp;note</source>
        <translation>Note de conce&amp;ption</translation>
    </message>
    <message>
        <source>&amp;Assets</source>
        <translation>&amp;Actifs</translation>
    </message>
    <message>
        <source>A zone with id %1 already exists.</source>
        <translation>Une zone d&apos;id %1 existe déjà.</translation>
    </message>
</context>
<context>
    <name>ZoneRemoval</name>
    <message numerus="yes">
        <source>Remove %1 (%2) and its %n answer(s)? You can undo this.</source>
        <translation>
            <numerusform>Supprimer %1 (%2) avec %n réponse&#xa0;? Vous pourrez annuler cette action.</numerusform>
            <numerusform>Supprimer %1 (%2) avec ses %n réponses&#xa0;? Vous pourrez annuler cette action.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove zone</source>
        <translation>Supprimer la zone</translation>
    </message>
</context>
<context>
    <name>ZoneScoresModel</name>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Écarts</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Non évaluées</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Renseignées</translation>
    </message>
    <message>
        <source>%1: SL-T %2, SL-A %3</source>
        <translation>%1&#xa0;: SL-T %2, SL-A %3</translation>
    </message>
</context>
<context>
    <name>ZonesModel</name>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>Criticité</translation>
    </message>
    <message>
        <source>SL-T</source>
        <translation>SL-T</translation>
    </message>
    <message>
        <source>2-1 here</source>
        <translation>2-1 évalué ici</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Connects</source>
        <translation>Relie</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
</context>
<context>
    <name>ZonesView</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
</context>
<context>
    <name>_CatalogueChoice</name>
    <message>
        <source>%1 (built in, always used)</source>
        <translation>%1 (intégré, toujours utilisé)</translation>
    </message>
    <message>
        <source>%1: not imported on this computer; its answers are kept</source>
        <translation>%1&#xa0;: non importé sur cet ordinateur&#xa0;; ses réponses sont conservées</translation>
    </message>
    <message>
        <source>Your own catalogues are imported with File &gt; Import catalogue. Unticking one keeps the answers recorded against it in the project.</source>
        <translation>Vos propres catalogues s&apos;importent par Fichier &gt; Importer un catalogue. En décocher un conserve dans le projet les réponses enregistrées pour lui.</translation>
    </message>
</context>
</TS>
