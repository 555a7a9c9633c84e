"""French of every text the documents show (key: the English text as marked in the code).

Terms follow docs/glossary-fr.md; tests/exports/test_wording.py checks the table is complete and current.
"""

FRENCH: dict[str, str] = {
    # changes.py
    "Closed": "Corrigé",
    "New": "Nouveau",
    "Persisting": "Persistant",
    "Closed gaps": "Écarts corrigés",
    "New gaps": "Nouveaux écarts",
    "Persisting gaps": "Écarts persistants",
    # catalogue_text.py
    "{names}: named by the project but not on the computer that made this document; the answers recorded against "
    "it are in no figure here": "{names} : désigné par le projet mais absent de l'ordinateur qui a produit ce "
    "document ; les réponses enregistrées pour ce catalogue ne figurent dans aucun chiffre ici",
    "{names}: named by the project but not on the computer that made this document; the answers recorded against "
    "them are in no figure here": "{names} : désignés par le projet mais absents de l'ordinateur qui a produit "
    "ce document ; les réponses enregistrées pour ces catalogues ne figurent dans aucun chiffre ici",
    "Catalogues": "Catalogues",
    "Catalogues missing": "Catalogues manquants",
    # labels.py
    "Open": "Ouvert",
    "In progress": "En cours",
    "Done": "Terminé",
    "Risk accepted": "Risque accepté",
    "Not assessed": "Non évalué",
    "Implemented": "Mis en œuvre",
    "Partially implemented": "Partiellement mis en œuvre",
    "Not implemented": "Non mis en œuvre",
    "Not applicable": "Non applicable",
    "Compensating countermeasure": "Contre-mesure compensatoire",
    "Met": "Satisfaite",
    "Gap": "Écart",
    "Above SL-T": "Au-delà du SL-T",
    "High": "Élevée",
    "Medium": "Moyenne",
    "Low": "Faible",
    "Zone": "Zone",
    "Conduit": "Conduit",
    "Initial": "Initial",
    "Managed": "Géré",
    "Defined (practised)": "Défini (pratiqué)",
    "Improving": "En amélioration",
    "Site: {site}": "Site\u00a0: {site}",
    # pdf/composer.py
    "{n} zone or conduit": "{n} zone ou conduit",
    "{n} zones and conduits": "{n} zones et conduits",
    "Unassigned": "Non attribué",
    # pdf/content.py
    "OT security remediation plan": "Plan de remédiation de la cybersécurité OT",
    "Confidential": "Confidentiel",
    "{start} to {end}": "{start} – {end}",
    "not recorded": "non renseigné",
    "{status}, ML{achieved} of ML{target}": "{status}, ML{achieved} (cible ML{target})",
    "IEC 62443-2-1 security program": "Programme de sécurité IEC 62443-2-1",
    "All gaps": "Tous les écarts",
    "{code} {title} (security program)": "{code} {title} (programme de sécurité)",
    "(not in the loaded catalogues)": "(absente des catalogues chargés)",
    # pdf/document.py
    "Contents": "Sommaire",
    "IEC 62443 SECURITY ASSESSMENT": "ÉVALUATION DE SÉCURITÉ IEC 62443",
    "Remediation plan": "Plan de remédiation",
    "Zones and conduits (IEC 62443-3-3) and security program (IEC 62443-2-1)":
        "Zones et conduits (IEC 62443-3-3) et programme de sécurité (IEC 62443-2-1)",
    "Report date {date}": "Date du rapport\u00a0: {date}",
    "Page {page} of ": "Page {page} sur ",
    "IEC 62443 remediation plan ({label})": "Plan de remédiation IEC 62443 ({label})",
    # pdf/markup.py
    " and {n} other": " et {n} autre",
    " and {n} others": " et {n} autres",
    # pdf/method.py
    "Within 3 months": "Sous 3 mois",
    "3 to 6 months": "3 à 6 mois",
    "6 to 12 months": "6 à 12 mois",
    "12 to 24 months": "12 à 24 mois",
    "More than 24 months": "Au-delà de 24 mois",
    "Status": "Statut",
    "Meaning": "Signification",
    "Counts as": "Résultat",
    "The assessor saw the measure in place and working.":
        "L'évaluateur a constaté que la mesure est en place et qu'elle fonctionne.",
    "The requirement is not met as written, but another documented measure gives equivalent protection; "
    "the countermeasure is recorded with the answer.":
        "L'exigence n'est pas satisfaite à la lettre, mais une autre mesure documentée apporte une protection "
        "équivalente\u00a0; la contre-mesure est consignée avec la réponse.",
    "The requirement has no object in this scope (for example no wireless in the zone); the reason is "
    "recorded in the notes.":
        "L'exigence est sans objet dans ce périmètre (par exemple aucun réseau sans fil dans la zone)\u00a0; "
        "la raison est consignée dans les notes.",
    "Met (2-1: left out)": "Satisfaite (2-1\u00a0: exclue)",
    "The measure exists but does not cover every system, user or case.":
        "La mesure existe mais ne couvre pas tous les systèmes, utilisateurs ou cas.",
    "The measure is absent.": "La mesure est absente.",
    "No answer yet (or explicitly left open).": "Pas encore de réponse (ou question délibérément laissée ouverte).",
    "Not met for SL-A; reported as not assessed, never as a gap or as met":
        "Non satisfaite pour le SL-A\u00a0; présentée comme non évaluée, jamais comme écart ni comme satisfaite",
    "{low} to {high}": "{low} à {high}",
    "{points} or fewer": "{points} ou moins",
    "Priority": "Priorité",
    "Points": "Points",
    "Default due date": "Échéance par défaut",
    "{months} months after the assessment": "{months} mois après l'évaluation",
    "Security levels: SL-T and SL-A": "Niveaux de sécurité\u00a0: SL-T et SL-A",
    "IEC 62443-3-3 describes the protection of a zone or conduit with a *security level* (SL 0 to 4) for each "
    "of its seven foundational requirements (FR 1 to FR 7). Each higher level is meant to withstand a more "
    "capable attacker: SL1 casual or accidental misuse, SL2 deliberate attacks with simple means, SL3 deliberate "
    "attacks with moderate, system-specific skills and resources, SL4 deliberate attacks with extensive skills "
    "and resources.":
        "L'IEC 62443-3-3 décrit la protection d'une zone ou d'un conduit par un *niveau de sécurité* (SL 0 à 4) "
        "pour chacune de ses sept exigences fondamentales (FR 1 à FR 7). Chaque niveau doit résister à un "
        "attaquant plus capable que le précédent\u00a0: SL1, une utilisation abusive fortuite ou accidentelle\u00a0; "
        "SL2, des attaques délibérées avec des moyens simples\u00a0; SL3, des attaques délibérées avec des "
        "compétences et des ressources modérées, propres au système\u00a0; SL4, des attaques délibérées avec des "
        "compétences et des ressources étendues.",
    "**SL-T (target)** is the vector the asset owner needs for the zone, decided from its risk assessment and "
    "recorded at the start of the assessment. **SL-A (achieved)** is the vector the zone reaches today according "
    "to the answers recorded on site. The plan compares the two for every zone and FR.":
        "Le **SL-T (cible)** est le vecteur dont le propriétaire d'actifs a besoin pour la zone, déterminé à "
        "partir de son appréciation du risque et consigné au début de l'évaluation. Le **SL-A (atteint)** est "
        "le vecteur que la zone atteint aujourd'hui d'après les réponses recueillies sur site. Le plan compare "
        "les deux pour chaque zone et chaque FR.",
    "A system requirement (SR) or requirement enhancement (RE) *applies* to a zone when the lowest security "
    "level that selects it is not above the zone's SL-T for its FR. Only applicable requirements are asked, "
    "scored as gaps and planned.":
        "Une exigence de sécurité système (SR) ou une amélioration d'exigence (RE) *s'applique* à une zone "
        "lorsque le plus bas niveau de sécurité qui la retient ne dépasse pas le SL-T de la zone pour sa FR. "
        "Seules les exigences applicables sont évaluées, comptées comme écarts et planifiées.",
    "Answer statuses": "Statuts des réponses",
    "Every requirement in every scope carries one of the following statuses.":
        "Dans chaque périmètre, chaque exigence porte l'un des statuts suivants.",
    "How SL-A is computed": "Calcul du SL-A",
    "For each FR, SL-A is the highest level L from 0 to 4 such that every requirement of that FR whose level "
    "is L or lower is met. A single unmet requirement at SL1 therefore keeps the FR at SL-A 0, however much is "
    "in place above it.":
        "Pour chaque FR, le SL-A est le plus haut niveau L, de 0 à 4, tel que toutes les exigences de cette FR "
        "de niveau inférieur ou égal à L sont satisfaites. Une seule exigence SL1 non satisfaite maintient donc "
        "la FR à SL-A 0, quelles que soient les mesures en place aux niveaux supérieurs.",
    "A requirement that has not been answered is not met for this purpose: SL-A only credits what the assessor "
    "has seen. Requirements above the zone's SL-T are credited only when they were assessed and met, so SL-A "
    "can exceed SL-T only on evidence.":
        "Pour ce calcul, une exigence sans réponse est considérée comme non satisfaite\u00a0: le SL-A ne retient "
        "que ce que l'évaluateur a constaté. Les exigences au-delà du SL-T de la zone ne sont prises en compte "
        "que si elles ont été évaluées et satisfaites\u00a0; le SL-A ne peut donc dépasser le SL-T que sur "
        "éléments de preuve.",
    "The shortfall of an FR is SL-T minus SL-A, or zero when the target is reached. Table cells are red where "
    "SL-A is below SL-T (darker for a shortfall of two levels or more), green where the target is reached and "
    "grey where the target is 0.":
        "Le déficit d'une FR est égal à SL-T moins SL-A, ou à zéro lorsque la cible est atteinte. Dans les "
        "tableaux, les cellules sont rouges lorsque le SL-A est inférieur au SL-T (plus foncées pour un déficit "
        "de deux niveaux ou plus), vertes lorsque la cible est atteinte et grises lorsque la cible est 0.",
    "What counts as a gap": "Ce qui constitue un écart",
    "In a zone or conduit, a gap is an applicable requirement answered *partially implemented* or *not "
    "implemented*. Applicable requirements with no answer are listed apart, in each zone's section, as not "
    "assessed: they are neither gaps nor met, and they keep SL-A down until assessed.":
        "Dans une zone ou un conduit, un écart est une exigence applicable dont la réponse est *partiellement "
        "mis en œuvre* ou *non mis en œuvre*. Les exigences applicables sans réponse sont listées à part, dans "
        "la section de chaque zone, comme non évaluées\u00a0: elles ne sont ni des écarts ni satisfaites, et "
        "elles tirent le SL-A vers le bas tant qu'elles ne sont pas évaluées.",
    "For the IEC 62443-2-1 security program the assessor records an achieved maturity from 0 to 4 ({maturity}). "
    "A requirement is a gap when its achieved maturity is below the project's target, here ML{target_ml}. "
    "Requirements marked not applicable are left out; not implemented without a maturity counts as maturity 0. "
    "The program is assessed once for the site, and also for any zone marked as having a program of its own "
    "(for example a contractor-run station).":
        "Pour le programme de sécurité IEC 62443-2-1, l'évaluateur consigne un niveau de maturité atteint de 0 "
        "à 4 ({maturity}). Une exigence est en écart lorsque sa maturité atteinte est inférieure à la cible du "
        "projet, ici ML{target_ml}. Les exigences marquées non applicables sont exclues\u00a0; une exigence non "
        "mise en œuvre sans niveau de maturité compte pour une maturité 0. Le programme est évalué une fois pour "
        "le site, et aussi pour toute zone déclarée comme disposant de son propre programme (par exemple un "
        "poste exploité par un sous-traitant).",
    "How priorities are set": "Détermination des priorités",
    "Each gap receives points from four factors; more points mean more urgent:":
        "Chaque écart reçoit des points selon quatre facteurs\u00a0; plus il en reçoit, plus il est urgent\u00a0:",
    "- **Criticality** of the scope: {criticality}. Program gaps of the site count as high, because a weak "
    "program weakens every zone.\n"
    "- **Shortfall** in the FR of the requirement (SL-T minus SL-A) or, for the program, the target maturity "
    "minus the achieved maturity: 1 point for one level, 2 points for two or more.\n"
    "- **Basicness**: lower levels are the foundations the higher ones build on, so they come first: {levels}. "
    "Program requirements count {program}.\n"
    "- **Status**: not implemented (or maturity 0) 2, partially implemented 1.":
        "- **Criticité** du périmètre\u00a0: {criticality}. Les écarts du programme du site comptent en "
        "criticité élevée, car un programme faible affaiblit toutes les zones.\n"
        "- **Déficit** dans la FR de l'exigence (SL-T moins SL-A) ou, pour le programme, maturité cible moins "
        "maturité atteinte\u00a0: 1 point pour un niveau, 2 points pour deux niveaux ou plus.\n"
        "- **Caractère élémentaire**\u00a0: les niveaux bas sont les fondations sur lesquelles reposent les "
        "niveaux supérieurs, ils passent donc en premier\u00a0: {levels}. Les exigences du programme comptent "
        "{program}.\n"
        "- **Statut**\u00a0: non mis en œuvre (ou maturité 0) 2, partiellement mis en œuvre 1.",
    "The total gives the computed priority and, from it, the default due date counted from the last day of the "
    "assessment. The assessor or the asset owner may override the priority or set a date; the plan then shows "
    "the computed priority beside the chosen one.":
        "Le total donne la priorité calculée et, à partir de celle-ci, l'échéance par défaut, comptée à partir "
        "du dernier jour de l'évaluation. L'évaluateur ou le propriétaire d'actifs peut modifier la priorité ou "
        "fixer une date\u00a0; le plan affiche alors la priorité calculée à côté de celle retenue.",
    "Roadmap, states and themes": "Feuille de route, états et thèmes",
    "The roadmap lists every gap that is open or in progress, grouped by priority and by due window ({windows}, "
    "counted from the assessment date). Gaps with the same requirement, action, owner and due date are merged "
    "into one action with the scopes it covers.":
        "La feuille de route liste chaque écart ouvert ou en cours, regroupé par priorité et par période "
        "d'échéance ({windows}, à compter de la date d'évaluation). Les écarts qui ont la même exigence, la même "
        "action, le même responsable et la même échéance sont fusionnés en une seule action, avec les périmètres "
        "qu'elle couvre.",
    "A remediation item is *open* (nothing started), *in progress*, *done* (the fix is in place but has not yet "
    "been re-assessed, so the gap stays in the zone's section), or *risk accepted*: the asset owner decided not "
    "to act, with a written justification that the roadmap lists apart.":
        "Une action de remédiation est à l'état *ouvert* (rien n'est engagé), *en cours*, *terminé* (la "
        "correction est en place mais n'a pas encore été réévaluée\u00a0; l'écart reste donc dans la section de "
        "la zone) ou *risque accepté*\u00a0: le propriétaire d'actifs a décidé de ne pas agir, avec une "
        "justification écrite que la feuille de route liste à part.",
    "The three most urgent themes in the executive summary are the system requirements (counted with their "
    "enhancements) or program requirements with the heaviest load of open gaps over all scopes, weighting each "
    "gap by {weights}.":
        "Les trois thèmes les plus urgents de la synthèse pour la direction sont les exigences de sécurité "
        "système (comptées avec leurs améliorations) ou les exigences du programme qui concentrent le plus "
        "d'écarts ouverts sur l'ensemble des périmètres, chaque écart étant pondéré par priorité\u00a0: {weights}.",
    "Recommended actions default to the catalogue's corrective action for the requirement, printed once in the "
    "appendix of recommended actions. Where the assessor wrote a specific action for a scope, that action is "
    "printed with the gap instead.":
        "Par défaut, l'action recommandée est l'action corrective que le catalogue prévoit pour l'exigence, "
        "présentée une seule fois dans l'annexe des actions recommandées. Lorsque l'évaluateur a rédigé une "
        "action spécifique pour un périmètre, c'est cette action qui est présentée avec l'écart.",
    # pdf/sections/appendices.py
    "Appendix A Method": "Annexe A Méthode",
    "Appendix B Recommended actions": "Annexe B Actions recommandées",
    "The catalogue's corrective action for every requirement that has at least one gap relying on it, printed "
    "once; the zone sections link here. Actions an assessor wrote for a particular scope are printed with that "
    "gap instead.":
        "L'action corrective du catalogue pour chaque exigence dont au moins un écart y renvoie, présentée une "
        "seule fois\u00a0; les sections des zones renvoient ici. Les actions qu'un évaluateur a rédigées pour un "
        "périmètre particulier sont présentées avec l'écart concerné.",
    "No gap relies on a catalogue action.": "Aucun écart ne renvoie à une action du catalogue.",
    "<b>Gaps in:</b> {scopes}": "<b>Périmètres en écart\u00a0:</b> {scopes}",
    "The catalogue gives no default action for this requirement.":
        "Le catalogue ne propose pas d'action par défaut pour cette exigence.",
    "Appendix C Answers": "Annexe C Réponses",
    "Every answer recorded in the project, per scope and in catalogue order, with its notes, finding, "
    "countermeasure, evidence references and who recorded it when.":
        "Toutes les réponses enregistrées dans le projet, par périmètre et dans l'ordre du catalogue, avec leurs "
        "notes, constat, contre-mesure et références des éléments de preuve, ainsi que leur auteur et leur date.",
    "No answer has been recorded yet.": "Aucune réponse n'a encore été enregistrée.",
    "{n} answer": "{n} réponse",
    "{n} answers": "{n} réponses",
    "Requirement": "Exigence",
    "Notes, finding, evidence; recorded by, on": "Notes, constat, éléments de preuve\u00a0; auteur, date",
    "Finding: ": "Constat\u00a0: ",
    "Countermeasure: ": "Contre-mesure\u00a0: ",
    "Evidence: ": "Élément de preuve\u00a0: ",
    # pdf/sections/executive.py
    "1 Executive summary": "1 Synthèse pour la direction",
    "the assessors": "les évaluateurs",
    "During {period}, {assessors} assessed {zones} of {site} ({client}) against IEC 62443-3-3, and the security "
    "program against IEC 62443-2-1 with a target maturity of ML{target_ml}.":
        "L'évaluation ({period}) a été menée par {assessors}. Elle a porté sur {zones} du site {site} ({client}) "
        "au regard de l'IEC 62443-3-3, et sur le programme de sécurité au regard de l'IEC 62443-2-1 avec un "
        "niveau de maturité cible ML{target_ml}.",
    "This assessment by {assessors} covered {zones} of {site} ({client}) against IEC 62443-3-3, and the security "
    "program against IEC 62443-2-1 with a target maturity of ML{target_ml}.":
        "L'évaluation menée par {assessors} a porté sur {zones} du site {site} ({client}) au regard de "
        "l'IEC 62443-3-3, et sur le programme de sécurité au regard de l'IEC 62443-2-1 avec un niveau de "
        "maturité cible ML{target_ml}.",
    "{answers} answers were recorded. The assessment found <b>{gaps} gaps</b>: {open} open, {in_progress} in "
    "progress, {done} done but not yet re-assessed and {accepted} with the risk accepted. {not_assessed} "
    "applicable requirements of the zones remain not assessed.":
        "Réponses enregistrées\u00a0: {answers}. <b>Écarts relevés\u00a0: {gaps}</b> (ouverts\u00a0: {open}\u00a0; "
        "en cours\u00a0: {in_progress}\u00a0; terminés mais pas encore réévalués\u00a0: {done}\u00a0; risque "
        "accepté\u00a0: {accepted}). Exigences applicables des zones restant à évaluer\u00a0: {not_assessed}.",
    "<b>Scope.</b> {text}": "<b>Périmètre.</b> {text}",
    "gaps in total": "écarts au total",
    "P1 gaps, due within 3 months": "écarts P1, échéance sous 3 mois",
    "zones below SL-T in at least one FR": "zones sous le SL-T pour au moins une FR",
    "applicable requirements not assessed": "exigences applicables non évaluées",
    "1.1 Target and achieved security levels": "1.1 Niveaux de sécurité cibles et atteints",
    "Mean SL-T and SL-A over all zones and conduits, per foundational requirement; under each FR, how many zones "
    "fall short of their target in it.":
        "SL-T et SL-A moyens de l'ensemble des zones et conduits, par exigence fondamentale\u00a0; sous chaque FR, "
        "le nombre de zones qui n'y atteignent pas leur cible.",
    "No zones or conduits are defined in this project.": "Aucune zone ni aucun conduit n'est défini dans ce projet.",
    "1.4 Security program": "1.4 Programme de sécurité",
    "Of the {requirements} IEC 62443-2-1 requirements for the site, {met} reach the target maturity "
    "ML{target_ml}, <b>{gaps} fall short</b>, {not_assessed} are not assessed and {not_applicable} do not apply. "
    "Section 4 gives the maturity per program element.":
        "Sur les {requirements} exigences IEC 62443-2-1 du site\u00a0: {met} au niveau de maturité cible "
        "ML{target_ml} ou au-delà, <b>{gaps} en deçà</b>, {not_assessed} à évaluer et {not_applicable} sans "
        "objet. La section 4 donne la maturité par élément du programme de sécurité.",
    "1.2 Gaps by priority and requirement area": "1.2 Écarts par priorité et par domaine d'exigences",
    "Area": "Domaine",
    "Total": "Total",
    "1.3 Most urgent themes": "1.3 Thèmes les plus urgents",
    "No open gaps: there is no urgent theme.": "Aucun écart ouvert\u00a0: pas de thème urgent.",
    "{count} at {priority}": "{count} en {priority}",
    "{gaps} in {scopes}": "{gaps} dans {scopes}",
    "{n} open gap": "{n} écart ouvert",
    "{n} open gaps": "{n} écarts ouverts",
    "{n} scope": "{n} périmètre",
    "{n} scopes": "{n} périmètres",
    "{fr}\n{count} below": "{fr}\n{count} sous cible",
    "Mean SL-T": "SL-T moyen",
    "Mean SL-A, target met": "SL-A moyen, cible atteinte",
    "Mean SL-A, below target": "SL-A moyen, sous la cible",
    "Zone or conduit": "Zone ou conduit",
    "Gaps": "Écarts",
    "Not\nassessed": "Non\névaluées",
    "SL-A two or more levels below SL-T": "2 niveaux ou plus en dessous",
    "one level below": "1 niveau en dessous",
    "target reached": "cible atteinte",
    "no target (SL-T 0)": "pas de cible (SL-T 0)",
    "Cells show SL-A / SL-T:": "Cellules\u00a0: SL-A / SL-T",
    # pdf/sections/front.py
    "Assessment": "Évaluation",
    "Report date": "Date du rapport",
    "Assessors": "Évaluateurs",
    "Scope": "Périmètre",
    "{zones}; the site security program": "{zones}\u00a0; programme de sécurité du site",
    "Version": "Version",
    "Generated by OT 62443 Workbook {version}": "Généré par OT 62443 Workbook {version}",
    "CLASSIFICATION": "CLASSIFICATION",
    "Cover": "Couverture",
    "Document control": "Contrôle du document",
    "Document": "Document",
    "{title} (IEC 62443-3-3 and IEC 62443-2-1)": "{title} (IEC 62443-3-3 et IEC 62443-2-1)",
    "Client": "Client",
    "Site": "Site",
    "Assessment period": "Période d'évaluation",
    "Due dates counted from": "Référence des échéances",
    "Produced with": "Réalisé avec",
    "OT 62443 Workbook {version}, from {n} recorded answer":
        "OT 62443 Workbook {version}, à partir de {n} réponse enregistrée",
    "OT 62443 Workbook {version}, from {n} recorded answers":
        "OT 62443 Workbook {version}, à partir de {n} réponses enregistrées",
    "Target maturity (2-1)": "Niveau de maturité cible (2-1)",
    "Classification": "Classification",
    "Issue history": "Historique des versions",
    "Issue": "Version",
    "Date": "Date",
    "Prepared by": "Rédigé par",
    "Description": "Description",
    "Remediation plan generated by OT 62443 Workbook {version}.":
        "Plan de remédiation généré par OT 62443 Workbook {version}.",
    "Remediation plan generated from the assessment of {period} by OT 62443 Workbook {version}.":
        "Plan de remédiation généré par OT 62443 Workbook {version} à partir de l'évaluation ({period}).",
    "Review and approval": "Vérification et approbation",
    "Role": "Rôle",
    "Name": "Nom",
    "Signature": "Visa",
    "Prepared by (lead assessor)": "Rédigé par (évaluateur principal)",
    "Reviewed by": "Vérifié par",
    "Approved by (asset owner)": "Approuvé par (propriétaire d'actifs)",
    "This document is classified <b>{label}</b>. It describes weaknesses of operational control systems and "
    "must be stored and shared accordingly. Findings reflect what was observed during the assessment period; "
    "later changes are not covered.":
        "Ce document est classé <b>{label}</b>. Il décrit des faiblesses de systèmes de contrôle-commande en "
        "exploitation et doit être conservé et diffusé en conséquence. Les constats reflètent la situation "
        "observée pendant la période d'évaluation\u00a0; les modifications ultérieures ne sont pas couvertes.",
    # pdf/sections/progress.py
    "{number} Progress since {date}": "{number} Évolution depuis le {date}",
    "{number} Progress since the previous assessment": "{number} Évolution depuis l'évaluation précédente",
    "This assessment was carried forward from the previous one. A gap is one requirement not met in one scope: "
    "<b>closed</b> when it was a gap then and is met now, <b>new</b> when it is a gap now and was not then (every "
    "gap of a zone added since is new), <b>persisting</b> when it is a gap in both. An earlier gap whose "
    "requirement has not been assessed again yet, or no longer applies, is none of these.":
        "Cette évaluation reprend la précédente. Un écart, exigence non satisfaite dans un périmètre, est "
        "<b>corrigé</b> s'il existait lors de l'évaluation précédente et que l'exigence est satisfaite "
        "aujourd'hui, <b>nouveau</b> s'il existe aujourd'hui mais pas alors (comme tout écart d'une zone ajoutée "
        "depuis), <b>persistant</b> s'il existe dans les deux. Un écart antérieur dont l'exigence n'est pas encore "
        "réévaluée, ou est devenue sans objet, n'est dans aucun de ces cas.",
    "gaps closed": "écarts corrigés",
    "new gaps": "nouveaux écarts",
    "gaps persisting": "écarts persistants",
    "earlier gaps neither closed nor persisting": "écarts antérieurs ni corrigés ni persistants",
    "No zone or conduit was added or removed since.": "Aucune zone ni aucun conduit n'a été ajouté ou retiré depuis.",
    "<b>{n} zone or conduit added since:</b> {zones}.": "<b>{n} zone ou conduit ajouté depuis\u00a0:</b> {zones}.",
    "<b>{n} zones and conduits added since:</b> {zones}.":
        "<b>{n} zones et conduits ajoutés depuis\u00a0:</b> {zones}.",
    "<b>{n} zone or conduit removed since:</b> {zones}; its gaps are no longer counted.":
        "<b>{n} zone ou conduit retiré depuis\u00a0:</b> {zones}\u00a0; ses écarts ne sont plus comptés.",
    "<b>{n} zones and conduits removed since:</b> {zones}; their gaps are no longer counted.":
        "<b>{n} zones et conduits retirés depuis\u00a0:</b> {zones}\u00a0; leurs écarts ne sont plus comptés.",
    "<b>Mean SL-A per foundational requirement, then and now</b>":
        "<b>SL-A moyen par exigence fondamentale, évaluation précédente et actuelle</b>",
    "Mean SL-A over the zones and conduits of each assessment ({then} then, {now} now); beside them the mean "
    "SL-T now. Under each FR, the change in mean SL-A.":
        "SL-A moyen des zones et conduits de chaque évaluation ({then} lors de la précédente, {now} "
        "aujourd'hui)\u00a0; à côté, le SL-T moyen actuel. Sous chaque FR, l'évolution du SL-A moyen.",
    "There is no mean SL-A to compare: that needs zones or conduits in both assessments ({then} then, {now} now).":
        "Aucun SL-A moyen à comparer\u00a0: il faut des zones ou conduits dans les deux évaluations ({then} lors de "
        "la précédente, {now} aujourd'hui).",
    "{fr}\n{change}": "{fr}\n{change}",
    "Mean SL-A then": "SL-A moyen précédent",
    "Mean SL-A now": "SL-A moyen actuel",
    "Mean SL-T now": "SL-T moyen actuel",
    "Then": "Précédente",
    "Now": "Actuelle",
    "<b>Security program maturity per element, then and now</b>":
        "<b>Maturité du programme de sécurité par élément, évaluation précédente et actuelle</b>",
    "The site's mean maturity per program element on the 0-4 scale; the black mark is the target (ML{then} then, "
    "ML{now} now).":
        "Maturité moyenne du site par élément du programme (échelle de 0 à 4)\u00a0; le trait noir marque la "
        "cible (ML{then} avant, ML{now} aujourd'hui).",
    "not rated": "non évaluée",
    # pdf/sections/roadmap.py
    "Urgent: basic protections missing where the consequences are highest.":
        "Urgente\u00a0: des protections de base manquent là où les conséquences seraient les plus graves.",
    "High: close within the next budget cycle.": "Haute\u00a0: à traiter dans le prochain cycle budgétaire.",
    "Medium: plan into normal maintenance and upgrade work.":
        "Moyenne\u00a0: à intégrer aux travaux courants de maintenance et de mise à niveau.",
    "Low: improve when systems are next changed.":
        "Basse\u00a0: à améliorer lors de la prochaine modification des systèmes.",
    "2 Roadmap": "2 Feuille de route",
    "Open and in-progress gaps grouped by priority and by due window, counted from {date}. Gaps that share a "
    "requirement, action, owner and due date form one action with the scopes it covers. The recommended action "
    "itself is in each zone's section and in Appendix B.":
        "Écarts ouverts et en cours, regroupés par priorité et par période d'échéance, à compter du {date}. Les "
        "écarts qui ont la même exigence, la même action, le même responsable et la même échéance forment une "
        "seule action, avec les périmètres qu'elle couvre. L'action recommandée elle-même figure dans la section "
        "de chaque zone et en annexe B.",
    "There is no open gap.": "Aucun écart ouvert.",
    "Accepted risks ({count})": "Risques acceptés ({count})",
    "Gaps the asset owner decided not to close, with the justification recorded. They stay listed here so that "
    "the decision can be reviewed.":
        "Écarts que le propriétaire d'actifs a décidé de ne pas traiter, avec la justification consignée. Ils "
        "restent listés ici pour que la décision puisse être réexaminée.",
    "Owner": "Responsable",
    "Justification": "Motif",
    "No risk has been accepted.": "Aucun risque n'a été accepté.",
    "{n} gap is marked done; it stays listed in its zone's section until it is re-assessed.":
        "{n} écart est marqué terminé\u00a0; il reste listé dans la section de sa zone jusqu'à sa réévaluation.",
    "{n} gaps are marked done; they stay listed in their zone's section until they are re-assessed.":
        "{n} écarts sont marqués terminés\u00a0; ils restent listés dans la section de leur zone jusqu'à leur "
        "réévaluation.",
    "{priority}: {gaps} in {actions}": "{priority}\u00a0: {gaps} en {actions}",
    "{n} action": "{n} action",
    "{n} actions": "{n} actions",
    "Requirement and action": "Exigence et action",
    "Scopes": "Périmètres",
    "Due": "Échéance",
    "{n} gap": "{n} écart",
    "{n} gaps": "{n} écarts",
    "{window} (until {date}): {gaps}": "{window} (jusqu'au {date})\u00a0: {gaps}",
    "{window}: {gaps}": "{window}\u00a0: {gaps}",
    "{scope} (in progress)": "{scope} (en cours)",
    "assessor's action": "action de l'évaluateur",
    # pdf/sections/zones.py
    "3 Zones and conduits": "3 Zones et conduits",
    "One section per zone or conduit: its facts, target and achieved security levels, every gap with its status, "
    "finding, recommended action, priority, owner and due date, the requirements still to be assessed and the "
    "compensating countermeasures the zone relies on.":
        "Une section par zone ou conduit\u00a0: ses caractéristiques, ses niveaux de sécurité cible et atteint, "
        "chaque écart avec son statut, son constat, l'action recommandée, sa priorité, son responsable et son "
        "échéance, les exigences restant à évaluer et les contre-mesures compensatoires sur lesquelles la zone "
        "s'appuie.",
    "Kind": "Type",
    "{kind}, {criticality} criticality": "{kind}, criticité {criticality}",
    "Assets": "Actifs",
    "Requirements": "Exigences",
    "{applicable} applicable: {met} met, {gaps} gaps, {not_assessed} not assessed":
        "Applicables\u00a0: {applicable}\u00a0; satisfaites\u00a0: {met}\u00a0; en écart\u00a0: {gaps}\u00a0; "
        "à évaluer\u00a0: {not_assessed}",
    "<b>Gaps ({count})</b>": "<b>Écarts ({count})</b>",
    "No gap recorded in this zone.": "Aucun écart relevé dans cette zone.",
    "<b>Not assessed ({count})</b>": "<b>Exigences non évaluées ({count})</b>",
    "Applicable requirements without an answer. They are neither gaps nor met, and they hold SL-A down until "
    "assessed: {ids}.":
        "Exigences applicables sans réponse. Elles ne sont ni des écarts ni satisfaites, et elles tirent le SL-A "
        "vers le bas tant qu'elles ne sont pas évaluées\u00a0: {ids}.",
    "<b>Compensating countermeasures relied on ({count})</b>":
        "<b>Contre-mesures compensatoires retenues ({count})</b>",
    "No countermeasure text recorded.": "Aucun texte de contre-mesure saisi.",
    "Countermeasure recorded": "Contre-mesure consignée",
    "<b>Security program of this zone (IEC 62443-2-1)</b>":
        "<b>Programme de sécurité propre à cette zone (IEC 62443-2-1)</b>",
    "Shortfall": "Déficit",
    "Prio.": "Prio.",
    "Owner, due": "Responsable, échéance",
    "Finding and action": "Constat et action",
    "rule: {priority}": "calcul\u00a0: {priority}",
    "(default)": "(par défaut)",
    "{state}, effort{nbsp}{effort}": "{state}, charge{nbsp}{effort}",
    "Compensating countermeasure noted: ": "Contre-mesure compensatoire relevée\u00a0: ",
    "Risk accepted: ": "Risque accepté\u00a0: ",
    "Action: ": "Action\u00a0: ",
    "none recorded; agree one with the owner.": "aucune saisie\u00a0; à convenir avec le responsable.",
    "Action (assessor's):": "Action (de l'évaluateur)\u00a0:",
    "catalogue action, see ": "action du catalogue, voir ",
    "Appendix{nbsp}B, {id}": "annexe{nbsp}B, {id}",
    "4 Security program (IEC 62443-2-1)": "4 Programme de sécurité (IEC 62443-2-1)",
    "No security program catalogue is loaded.": "Aucun catalogue de programme de sécurité n'est chargé.",
    "The site's security program against IEC 62443-2-1, target maturity ML{target_ml}. The bar shows the mean "
    "achieved maturity of each program element on the 0-4 scale (green when the mean reaches the target, red "
    "otherwise); the black mark is the target.":
        "Le programme de sécurité du site au regard de l'IEC 62443-2-1, niveau de maturité cible ML{target_ml}. "
        "La barre représente la maturité moyenne atteinte par chaque élément du programme de sécurité sur "
        "l'échelle de 0 à 4 (verte lorsque la moyenne atteint la cible, rouge sinon)\u00a0; le repère noir "
        "indique la cible.",
    "{requirements} requirements: {met} at or above ML{target_ml}, <b>{gaps} below</b>, {not_assessed} not "
    "assessed, {not_applicable} not applicable.":
        "Exigences\u00a0: {requirements}, dont {met} à ML{target_ml} ou au-delà, <b>{gaps} en deçà</b>, "
        "{not_assessed} à évaluer et {not_applicable} sans objet.",
    "Program element": "Élément du programme",
    "Assessed": "Évaluées",
    "Mean maturity": "Maturité moyenne",
    "Lowest": "Minimum",
    "{mean} (target {target})": "{mean} (cible {target})",
    "<b>Program gaps ({count})</b>": "<b>Écarts du programme ({count})</b>",
    "No program gap recorded.": "Aucun écart relevé sur le programme.",
    "<b>Not assessed ({count}):</b> {ids}.": "<b>Exigences non évaluées ({count})\u00a0:</b> {ids}.",
    # register_import.py (the import report: the reader's words around the register's columns and choices)
    "row {row} {scope} {requirement}: {changes}": "ligne {row} {scope} {requirement}\u00a0: {changes}",
    "; ": "\u00a0; ",
    "{sheet} row {row} {scope} {requirement}: refused: {reason}":
        "Feuille {sheet}, ligne {row} ({scope} {requirement}), refusée\u00a0: {reason}",
    "{sheet} row {row}: refused: {reason}": "Feuille {sheet}, ligne {row}, refusée\u00a0: {reason}",
    "{source}: gap register exported {exported}, {rows} row(s) read":
        "{source}\u00a0: registre des écarts exporté le {exported}, lignes lues\u00a0: {rows}",
    "{source}: gap register, {rows} row(s) read": "{source}\u00a0: registre des écarts, lignes lues\u00a0: {rows}",
    "note: {note}": "remarque\u00a0: {note}",
    "{changed} row(s) changed, {refused} refused, {unchanged} unchanged":
        "Lignes modifiées\u00a0: {changed}, refusées\u00a0: {refused}, inchangées\u00a0: {unchanged}",
    "{counts} (dry run: nothing was changed)": "{counts} (simulation\u00a0: rien n'a été modifié)",
    "{counts} (nothing to change)": "{counts} (rien à modifier)",
    "the {column} column is missing, so its values were not imported":
        "la colonne {column} est absente, ses valeurs n'ont donc pas été importées",
    "the same key is in rows {rows}; none of them was applied":
        "la même clé figure dans les lignes {rows}\u00a0; aucune d'elles n'a été appliquée",
    "{source}: its keys sheet names an unknown language {code}; Export the register again and copy the edits "
    "into it.":
        "{source}\u00a0: sa feuille des clés indique une langue inconnue {code}\u00a0; exportez de nouveau le "
        "registre et reportez-y les modifications.",
    "{source}: this register is of an earlier assessment of this plant ({theirs}, id {their_id}), which this "
    "project was carried forward from; its rows are last time's gaps: export this assessment's register and edit "
    "that one; nothing was imported":
        "{source}\u00a0: ce registre est celui d'une évaluation précédente de ce site ({theirs}, id {their_id}), "
        "dont ce projet a été repris\u00a0; ses lignes sont les écarts de la dernière fois\u00a0: exportez le "
        "registre de cette évaluation et modifiez celui-là\u00a0; rien n'a été importé",
    "{source}: this register belongs to project {theirs} (id {their_id}), not to {ours} (id {our_id}); nothing "
    "was imported":
        "{source}\u00a0: ce registre appartient au projet {theirs} (id {their_id}), pas à {ours} (id {our_id})\u00a0; "
        "rien n'a été importé",
    "{column}: a formula, not a register key": "{column}\u00a0: une formule, pas une clé du registre",
    "no key: rows added by hand cannot be imported (record the gap in the project instead)":
        "pas de clé\u00a0: une ligne ajoutée à la main ne peut pas être importée (consignez plutôt l'écart dans le "
        "projet)",
    "{key} is not a register key (was the hidden {column} column edited?)":
        "{key} n'est pas une clé du registre (la colonne masquée {column} a-t-elle été modifiée\u00a0?)",
    "the row comes from another project's register (copied in?)":
        "la ligne vient du registre d'un autre projet (copiée ici\u00a0?)",
    "unknown scope {scope} (no such zone or conduit in the project)":
        "périmètre inconnu {scope} (aucune zone ni aucun conduit de ce nom dans le projet)",
    "unknown requirement {requirement}": "exigence inconnue {requirement}",
    "no longer a gap in the project (its answer changed after the export)":
        "n'est plus un écart dans le projet (sa réponse a changé après l'export)",
    "{n} gap(s) of the register are not in the workbook any more (rows deleted?); they were left as they are":
        "écarts du registre qui ne sont plus dans le classeur (lignes supprimées\u00a0?)\u00a0: {n}\u00a0; ils sont "
        "restés tels quels",
    "{n} gap(s) were found after this register was exported; export it again to plan them":
        "écarts relevés après l'export de ce registre\u00a0: {n}\u00a0; exportez-le de nouveau pour les planifier",
    "{column}: the project's text ({n} characters) is longer than an Excel cell holds, so the register shows it "
    "cut short; edit it in the program":
        "{column}\u00a0: le texte du projet ({n}\u00a0caractères) dépasse ce que tient une cellule Excel, le registre "
        "le montre donc tronqué\u00a0; modifiez-le dans le programme",
    "owner {before} -> {after}": "responsable {before} -> {after}",
    "effort {before} -> {after}": "charge {before} -> {after}",
    "(none)": "(aucune)",
    "state {before} -> {after}": "état {before} -> {after}",
    "justification {before} -> {after}": "motif {before} -> {after}",
    "action reset to the catalogue's recommendation": "action remise à la recommandation du catalogue",
    "action -> {after}": "action -> {after}",
    "priority {before} -> {after}": "priorité {before} -> {after}",
    "priority {before} -> {after} (computed)": "priorité {before} -> {after} (calculée)",
    "due date {before} -> {after}": "échéance {before} -> {after}",
    "due date reset to the default for its priority": "échéance remise à celle par défaut de sa priorité",
    "{state_column}: {state} needs a justification; fill in the {justification_column} column":
        "{state_column}\u00a0: {state} demande un motif\u00a0; remplissez la colonne {justification_column}",
    "due date follows the priority: {before} -> {after}": "l'échéance suit la priorité\u00a0: {before} -> {after}",
    "finding {before} -> {after}": "constat {before} -> {after}",
    "{column}: a formula ({formula}) is not accepted; type the value itself (start text with an apostrophe if it "
    "begins with =, + or -)":
        "{column}\u00a0: une formule ({formula}) n'est pas acceptée\u00a0; saisissez la valeur elle-même (commencez le "
        "texte par une apostrophe s'il débute par =, + ou -)",
    "{column}: the Excel error value {value} is not accepted":
        "{column}\u00a0: la valeur d'erreur Excel {value} n'est pas acceptée",
    "{column}: {value} is not one of {choices}": "{column}\u00a0: {value} ne fait pas partie des valeurs {choices}",
    "{column}: {value} is a number, not a date (format the cell as a date)":
        "{column}\u00a0: {value} est un nombre, pas une date (mettez la cellule au format date)",
    "{column}: {value} is not a date": "{column}\u00a0: {value} n'est pas une date",
    "{column}: {date} is outside {earliest}-{latest}":
        "{column}\u00a0: {date} est hors de la période {earliest}-{latest}",
    "{column}: {value} is not a date (use a date cell or {form})":
        "{column}\u00a0: {value} n'est pas une date (utilisez une cellule de date ou {form})",
    "{column}: {value} is not a date (use a date cell or {form} or {other})":
        "{column}\u00a0: {value} n'est pas une date (utilisez une cellule de date, {form} ou {other})",
    # register_reader.py (a workbook refused whole; the system's and the parser's own words stay as they are)
    "{source}: not read: openpyxl is not using defusedxml (is it installed, and OPENPYXL_DEFUSEDXML not set to "
    "False?), so a hostile workbook could not be refused safely; nothing was imported":
        "{source}\u00a0: non lu\u00a0: openpyxl n'utilise pas defusedxml (est-il installé, et "
        "OPENPYXL_DEFUSEDXML n'est-il pas réglé à False\u00a0?), un classeur malveillant ne pourrait donc pas être "
        "refusé sans risque\u00a0; rien n'a été importé",
    "{source}: refused: the workbook contains XML entity or DTD declarations, which Excel never writes (a hostile "
    "'XML bomb'?); nothing was imported":
        "{source}\u00a0: refusé\u00a0: le classeur contient des déclarations d'entités XML ou de DTD, qu'Excel n'écrit "
        "jamais (une «\u00a0bombe XML\u00a0» malveillante\u00a0?)\u00a0; rien n'a été importé",
    "{source}: cannot be read as an Excel workbook ({reason}); nothing was imported":
        "{source}\u00a0: illisible comme classeur Excel ({reason})\u00a0; rien n'a été importé",
    "{source}: not a gap register exported by OT 62443 Workbook (its hidden sheet {sheet} is missing); nothing "
    "was imported":
        "{source}\u00a0: ce n'est pas un registre des écarts exporté par OT 62443 Workbook (sa feuille masquée {sheet} "
        "est absente)\u00a0; rien n'a été importé",
    "{source}: this register does not name its columns (it was exported by an earlier OT 62443 Workbook, which "
    "matched columns by their headings), so its columns cannot be matched for certain; nothing was imported. Export "
    "the register again and copy the edits into it.":
        "{source}\u00a0: ce registre ne nomme pas ses colonnes (il a été exporté par une version antérieure d'OT 62443 "
        "Workbook, qui reconnaissait les colonnes à leur intitulé), on ne peut donc pas les reconnaître à coup "
        "sûr\u00a0; rien n'a été importé. Exportez de nouveau le registre et reportez-y les modifications.",
    "{source}: the {sheet} sheet has no {column} column (deleted?), so its rows cannot be matched to the project; "
    "nothing was imported. Export the register again and copy the edits into it.":
        "{source}\u00a0: la feuille {sheet} n'a pas de colonne {column} (supprimée\u00a0?), ses lignes ne "
        "peuvent donc pas être rapprochées du projet\u00a0; rien n'a été importé. Exportez de nouveau le registre "
        "et reportez-y les modifications.",
    "{source}: not a gap register exported by OT 62443 Workbook; nothing was imported":
        "{source}\u00a0: ce n'est pas un registre des écarts exporté par OT 62443 Workbook\u00a0; rien n'a été importé",
    "{source}: the register's format version is missing or damaged; nothing was imported":
        "{source}\u00a0: la version de format du registre est absente ou endommagée\u00a0; rien n'a été importé",
    "{source}: written by a newer OT 62443 Workbook (register format {version}, this program reads up to "
    "{supported}); nothing was imported":
        "{source}\u00a0: écrit par une version plus récente d'OT 62443 Workbook (format de registre {version}, ce "
        "programme lit jusqu'au format {supported})\u00a0; rien n'a été importé",
    "{source}: this register does not say which project it belongs to (it was exported before registers carried "
    "the project's id, or its hidden sheet was damaged), so it cannot be matched to the open project for certain; "
    "nothing was imported. Export the register again from this project and copy the edits into it.":
        "{source}\u00a0: ce registre ne dit pas à quel projet il appartient (il a été exporté avant que les registres "
        "portent l'id du projet, ou sa feuille masquée a été endommagée), on ne peut donc pas le rapprocher à coup "
        "sûr du projet ouvert\u00a0; rien n'a été importé. Exportez de nouveau le registre depuis ce projet et "
        "reportez-y les modifications.",
    "{source}: the register's columns {first} and {second} are both named on column {letter} of the {sheet} "
    "sheet (were its defined names edited?); nothing was imported. Export the register again and copy the edits "
    "into it.":
        "{source}\u00a0: les colonnes {first} et {second} du registre sont toutes deux nommées sur la colonne "
        "{letter} de la feuille {sheet} (ses noms définis ont-ils été modifiés\u00a0?)\u00a0; rien n'a été importé. "
        "Exportez de nouveau le registre et reportez-y les modifications.",
    "{source}: the {sheet} sheet has more than {n} rows, far more than a gap register; nothing was imported":
        "{source}\u00a0: la feuille {sheet} a plus de {n}\u00a0lignes, bien plus qu'un registre des "
        "écarts\u00a0; rien n'a été importé",
    # register_rows.py
    "Summary": "Synthèse",
    "Gap register": "Registre des écarts",
    "All answers": "Toutes les réponses",
    "2-1 Program": "Programme 2-1",
    "Scope name": "Nom du périmètre",
    "Standard": "Norme",
    "Title": "Titre",
    "Level": "Niveau",
    "Target": "Cible",
    "Achieved": "Atteint",
    "Finding": "Constat",
    "Recommended action": "Action recommandée",
    "Due date": "Échéance",
    "Effort": "Charge",
    "State": "État",
    "Key": "Clé",
    "Assessment dates": "Dates de l'évaluation",
    "Confidentiality": "Confidentialité",
    "Exported": "Exporté le",
    "Changes": "Évolutions",
    # xlsx_guard.py (a workbook refused before it is parsed; the system's own words stay as they are)
    "{source}: no such file; nothing was imported":
        "{source}\u00a0: ce fichier n'existe pas\u00a0; rien n'a été importé",
    "{source}: is a folder, not an Excel workbook; nothing was imported":
        "{source}\u00a0: c'est un dossier, pas un classeur Excel\u00a0; rien n'a été importé",
    "{source}: is not a file (a pipe or a device?), not an Excel workbook; nothing was imported":
        "{source}\u00a0: ce n'est pas un fichier (un tube ou un périphérique\u00a0?), ni un classeur "
        "Excel\u00a0; rien n'a été importé",
    "{source}: cannot be read ({reason}); nothing was imported":
        "{source}\u00a0: illisible ({reason})\u00a0; rien n'a été importé",
    "{source}: {size} MB is larger than a gap register can be (limit {limit} MB); nothing was imported":
        "{source}\u00a0: {size}\u00a0Mo, c'est plus qu'un registre des écarts ne peut peser (limite "
        "{limit}\u00a0Mo)\u00a0; rien n'a été importé",
    "{source}: an old Excel .xls file or a password-protected workbook; save it as an unprotected .xlsx workbook "
    "and import that; nothing was imported":
        "{source}\u00a0: un ancien fichier Excel .xls ou un classeur protégé par mot de passe\u00a0; "
        "enregistrez-le comme classeur .xlsx non protégé et importez celui-ci\u00a0; rien n'a été importé",
    "{source}: an OpenDocument file (save it as .xlsx), not an Excel .xlsx workbook; nothing was imported":
        "{source}\u00a0: un fichier OpenDocument (enregistrez-le au format .xlsx), pas un classeur Excel "
        ".xlsx\u00a0; rien n'a été importé",
    "{source}: a zip file, not an Excel .xlsx workbook; nothing was imported":
        "{source}\u00a0: un fichier zip, pas un classeur Excel .xlsx\u00a0; rien n'a été importé",
    "{source}: not an Excel .xlsx workbook (or a damaged one); nothing was imported":
        "{source}\u00a0: ce n'est pas un classeur Excel .xlsx (ou il est endommagé)\u00a0; rien n'a été importé",
    "{source}: {what}, far more than a gap register (a zip bomb?); nothing was imported":
        "{source}\u00a0: {what}, bien plus qu'un registre des écarts (une bombe zip\u00a0?)\u00a0; "
        "rien n'a été importé",
    "holds {n} parts": "contient {n}\u00a0parties",
    "unpacks to {size} MB (limit {limit} MB)": "se décompresse en {size}\u00a0Mo (limite {limit}\u00a0Mo)",
    "its part {part} unpacks to {size} MB (limit {limit} MB)":
        "sa partie {part} se décompresse en {size}\u00a0Mo (limite {limit}\u00a0Mo)",
    "its part {part} unpacks {ratio} times its packed size (limit {limit})":
        "sa partie {part} devient {ratio} fois plus grande une fois décompressée (limite {limit})",
    "its shared strings unpack to {size} MB (limit {limit} MB)":
        "ses chaînes partagées se décompressent en {size}\u00a0Mo (limite {limit}\u00a0Mo)",
    "it holds more than {n} shared strings": "il contient plus de {n}\u00a0chaînes partagées",
    "its part {part} is a sheet without a size and more than {n} elements":
        "sa partie {part} est une feuille sans taille déclarée et de plus de {n}\u00a0éléments",
    # xlsx_register.py
    "Change": "Évolution",
    "Status then": "Statut précédent",
    "Status now": "Statut actuel",
    "SL-A / ML then": "SL-A / ML précédent",
    "SL-A / ML now": "SL-A / ML actuel",
    "Priority now": "Priorité actuelle",
    "Gap register: {client}, {site}": "Registre des écarts\u00a0: {client}, {site}",
    "IEC 62443-3-3 / IEC 62443-2-1 assessment": "Évaluation IEC 62443-3-3 / IEC 62443-2-1",
    "Page &P of &N": "Page &P sur &N",
    "Invalid value": "Valeur non valide",
    "Choose a value for {column} from the list: {values}.":
        "Choisissez pour {column} une valeur de la liste\u00a0: {values}.",
    "Invalid due date": "Échéance non valide",
    "Enter a date between 2000 and 2100 (empty: the default for the priority).":
        "Saisissez une date entre 2000 et 2100 (vide\u00a0: l'échéance par défaut de la priorité).",
    "Achieved ML": "ML atteint",
    "Notes": "Notes",
    "Countermeasure": "Contre-mesure",
    "Evidence": "Éléments de preuve",
    "Answered by": "Saisi par",
    "Answered at": "Saisi le",
    "Element": "Élément",
    "Group": "Groupe",
    "Target ML": "ML cible",
    "Result": "Résultat",
    "Criticality": "Criticité",
    "Applicable": "Applicables",
    "2-1 gaps": "Écarts 2-1",
    "IEC 62443 assessment: gap register": "Évaluation IEC 62443\u00a0: registre des écarts",
    "Counts": "Décomptes",
    "Gaps (register rows)": "Écarts (lignes du registre)",
    "priority {priority}": "priorité {priority}",
    "Not assessed (no answer yet)": "Exigences non évaluées (pas encore de réponse)",
    "Site program (target ML{target_ml})": "Programme du site (cible ML{target_ml})",
    "met": "satisfaites",
    "gaps": "en écart",
    "not assessed": "non évaluées",
    "SL-T vs SL-A per foundational requirement (mean over {n} zone)":
        "SL-T et SL-A par exigence fondamentale (moyenne sur {n} zone)",
    "SL-T vs SL-A per foundational requirement (mean over {n} zones)":
        "SL-T et SL-A par exigence fondamentale (moyenne sur {n} zones)",
    "Foundational requirement": "Exigence fondamentale",
    "Mean SL-A": "SL-A moyen",
    "Zones and conduits: SL-T and SL-A per FR (red: SL-A below SL-T)":
        "Zones et conduits\u00a0: SL-T et SL-A par FR (en rouge\u00a0: SL-A inférieur au SL-T)",
    "No zones or conduits yet.": "Aucune zone ni aucun conduit pour l'instant.",
    "SL-T vs SL-A per foundational requirement": "SL-T et SL-A par exigence fondamentale",
    "Security level (mean over zones)": "Niveau de sécurité (moyenne des zones)",
    # diagram_draw.py, design_text.py, labels.py (the Purdue levels: domain.model.PURDUE_LEVELS)
    "Level 0: process": "Niveau 0\u00a0: procédé",
    "Level 1: basic control": "Niveau 1\u00a0: contrôle de base",
    "Level 2: supervisory control": "Niveau 2\u00a0: supervision",
    "Level 3: site operations": "Niveau 3\u00a0: opérations du site",
    "Level 4: site business": "Niveau 4\u00a0: gestion du site",
    "Level 5: enterprise": "Niveau 5\u00a0: entreprise",
    "Not placed in a layer": "Sans couche",
    "Not in this project": "Absentes du projet",
    "Zones and conduits: {client}, {site}": "Zones et conduits\u00a0: {client}, {site}",
    "Worst SL gap over the FRs (SL-T minus SL-A):": "Plus grand écart de SL sur les FR (SL-T moins SL-A)\u00a0:",
    "0, SL-T met": "0, SL-T atteint",
    "1 level": "1 niveau",
    "2 or more levels": "2 niveaux ou plus",
    "no SL-T set": "aucun SL-T fixé",
    "a zone this project does not have": "zone absente de ce projet",
    "SL-T step across a conduit": "Saut de SL-T sur un conduit",
    "Isolated zone": "Zone isolée",
    "Unknown zone": "Zone inconnue",
    "Conduit of fewer than two zones": "Conduit reliant moins de deux zones",
    "Zone without assets": "Zone sans actifs",
    "{first} has SL-T {first_level} and {second} SL-T {second_level} in {fr}; no design note says why the step is "
    "acceptable.":
        "{first} a un SL-T de {first_level} et {second} de {second_level} en {fr}\u00a0; aucune note de "
        "conception ne dit pourquoi ce saut est acceptable.",
    "No conduit connects this zone.": "Aucun conduit ne relie cette zone.",
    "Connects {zone}, which is not a zone of this project.": "Relie {zone}, qui n'est pas une zone de ce projet.",
    "A conduit connects two zones or more; this one connects fewer.":
        "Un conduit relie au moins deux zones\u00a0; celui-ci en relie moins.",
    "No asset is listed for this zone (layer: {layer}).":
        "Aucun actif n'est inventorié pour cette zone (couche\u00a0: {layer}).",
    # xlsx_register.py
    "Zones and conduits diagram": "Schéma des zones et conduits",
    # pdf/sections/design.py
    "{number} Zones and conduits diagram": "{number} Schéma des zones et conduits",
    "Each zone is a box in the band of its layer; each conduit is a rounded box with a line to every zone it "
    "connects. Both are coloured by their worst SL gap: the largest shortfall of SL-A below SL-T over the seven "
    "foundational requirements.":
        "Chaque zone est un cadre placé dans la bande de sa couche\u00a0; chaque conduit est un cadre arrondi "
        "relié par un trait à chaque zone qu'il relie. Leur couleur est celle de leur plus grand écart de SL\u00a0: "
        "le plus grand retard du SL-A sur le SL-T parmi les sept exigences fondamentales.",
    "At this size the boxes show their ids only; the table of 1.1 gives each one's name.":
        "À cette taille, les cadres ne portent que leur identifiant\u00a0; le tableau du 1.1 donne le nom de "
        "chacun.",
    "The drawing is too large for one page: it runs over {n} pages, left to right and top to bottom.":
        "Le schéma ne tient pas sur une page\u00a0: il s'étend sur {n} pages, de gauche à droite et de haut en bas.",
    "Part {part} of {parts}: row {row}, column {column}.":
        "Partie {part} sur {parts}\u00a0: rangée {row}, colonne {column}.",
    "<b>Design checks</b>": "<b>Contrôles de conception</b>",
    "What an auditor looks for first on such a drawing: a conduit joining zones whose SL-T differ by two levels "
    "or more in a foundational requirement with no design note saying why, a zone no conduit connects, a conduit "
    "naming a zone the project does not have or connecting fewer than two, and a zone at Purdue levels 0 to 2 "
    "with no asset listed.":
        "Ce qu'un auditeur cherche d'abord sur un tel schéma\u00a0: un conduit entre des zones dont le SL-T "
        "diffère de deux niveaux ou plus dans une exigence fondamentale sans note de conception qui dise pourquoi, "
        "une zone qu'aucun conduit ne relie, un conduit qui nomme une zone absente du projet ou relie moins de "
        "deux zones, et une zone des niveaux Purdue 0 à 2 sans aucun actif inventorié.",
    "None of these was found.": "Aucun de ces points n'a été relevé.",
    "Check": "Contrôle",
    "{n} finding:": "{n} constat\u00a0:",
    "{n} findings:": "{n} constats\u00a0:",
}
