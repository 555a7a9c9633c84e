<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetsEditor</name>
    <message numerus="yes">
        <source>%n asset(s) imported from %1. They are saved with the zone when you press OK.</source>
        <translation>
            <numerusform>%n asset imported from %1. It is saved with the zone when you press OK.</numerusform>
            <numerusform>%n assets imported from %1. They are saved with the zone when you press OK.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more row(s)</source>
        <translation>
            <numerusform>… and %n more row</numerusform>
            <numerusform>… and %n more rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) of the file cannot be assets. Correct them in the file and import it again.</source>
        <translation>
            <numerusform>Nothing was imported: %n row of the file cannot be an asset. Correct it in the file and import it again.</numerusform>
            <numerusform>Nothing was imported: %n rows of the file cannot be assets. Correct them in the file and import it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogueLibrary</name>
    <message numerus="yes">
        <source>%n field(s) missing</source>
        <translation>
            <numerusform>%n field missing</numerusform>
            <numerusform>%n fields missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This file lacks %n requirement(s) of the one it replaces (%1): answers recorded against them in projects stay in the project files but count in no figure or export.</source>
        <translation>
            <numerusform>This file lacks %n requirement of the one it replaces (%1): answers recorded against it in projects stay in the project files but count in no figure or export.</numerusform>
            <numerusform>This file lacks %n requirements of the one it replaces (%1): answers recorded against them in projects stay in the project files but count in no figure or export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The catalogue %1 (%2) is valid: %n requirement(s). It was kept as %3.</source>
        <translation>
            <numerusform>The catalogue %1 (%2) is valid: %n requirement. It was kept as %3.</numerusform>
            <numerusform>The catalogue %1 (%2) is valid: %n requirements. It was kept as %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It has no French text for %n field(s), shown in English instead: %1</source>
        <translation>
            <numerusform>It has no French text for %n field, shown in English instead: %1</numerusform>
            <numerusform>It has no French text for %n fields, shown in English instead: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message numerus="yes">
        <source>%n conflict(s) from merging other copies. The project shows its own value (mine) until you choose.</source>
        <translation>
            <numerusform>%n conflict from merging other copies. The project shows its own value (mine) until you choose.</numerusform>
            <numerusform>%n conflicts from merging other copies. The project shows its own value (mine) until you choose.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <source>Site program (IEC 62443-2-1), target ML%1: %n gap(s), %2 not assessed</source>
        <translation>
            <numerusform>Site program (IEC 62443-2-1), target ML%1: %n gap, %2 not assessed</numerusform>
            <numerusform>Site program (IEC 62443-2-1), target ML%1: %n gaps, %2 not assessed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramView</name>
    <message numerus="yes">
        <source>Design checks: %n finding(s)</source>
        <translation>
            <numerusform>Design checks: %n finding</numerusform>
            <numerusform>Design checks: %n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n asset(s)</source>
        <translation>
            <numerusform>%n asset</numerusform>
            <numerusform>%n assets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n boxes on the diagram</source>
        <translation>
            <numerusform>Move %n box on the diagram</numerusform>
            <numerusform>Move %n boxes on the diagram</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandOff</name>
    <message numerus="yes">
        <source>%n evidence file(s)</source>
        <translation>
            <numerusform>%n evidence file</numerusform>
            <numerusform>%n evidence files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n evidence file(s) missing: left out (see the details).</source>
        <translation>
            <numerusform>%n evidence file missing: left out (see the details).</numerusform>
            <numerusform>%n evidence files missing: left out (see the details).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n evidence file(s) changed since they were attached: left out, since they are no longer the evidence recorded (see the details).</source>
        <translation>
            <numerusform>%n evidence file changed since it was attached: left out, since it is no longer the evidence recorded (see the details).</numerusform>
            <numerusform>%n evidence files changed since they were attached: left out, since they are no longer the evidence recorded (see the details).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicensedTextDialog</name>
    <message numerus="yes">
        <source>You have the licensed text of %n requirement(s), imported from %1 on %2.</source>
        <translation>
            <numerusform>You have the licensed text of %n requirement, imported from %1 on %2.</numerusform>
            <numerusform>You have the licensed text of %n requirements, imported from %1 on %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replace the licensed text of %n requirement(s) imported from %1 with this file?</source>
        <translation>
            <numerusform>Replace the licensed text of %n requirement imported from %1 with this file?</numerusform>
            <numerusform>Replace the licensed text of %n requirements imported from %1 with this file?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The licensed text of %n requirement(s) was imported. The walkthrough shows it beside our summary.</source>
        <translation>
            <numerusform>The licensed text of %n requirement was imported. The walkthrough shows it beside our summary.</numerusform>
            <numerusform>The licensed text of %n requirements was imported. The walkthrough shows it beside our summary.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be imported:</source>
        <translation>
            <numerusform>%n row could not be imported:</numerusform>
            <numerusform>%n rows could not be imported:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove your licensed text of %n requirement(s)? You can import your file again at any time.</source>
        <translation>
            <numerusform>Remove your licensed text of %n requirement? You can import your file again at any time.</numerusform>
            <numerusform>Remove your licensed text of %n requirements? You can import your file again at any time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n merge conflict(s)</source>
        <translation>
            <numerusform>%n merge conflict</numerusform>
            <numerusform>%n merge conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message numerus="yes">
        <source>%1 · %n gap(s)</source>
        <translation>
            <numerusform>%1 · %n gap</numerusform>
            <numerusform>%1 · %n gaps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 answered, %n gap(s)</source>
        <translation>
            <numerusform>%1 of %2 answered, %n gap</numerusform>
            <numerusform>%1 of %2 answered, %n gaps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectView</name>
    <message numerus="yes">
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>Conflicts (%n)</numerusform>
            <numerusform>Conflicts (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemediationView</name>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n gap</numerusform>
            <numerusform>%n gaps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamWork</name>
    <message numerus="yes">
        <source>%n change(s) to take</source>
        <translation>
            <numerusform>%n change to take</numerusform>
            <numerusform>%n changes to take</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): records both copies changed differently. The project keeps its own value and shows the other beside it in the Conflicts tab until you choose.</source>
        <translation>
            <numerusform>%n conflict: a record both copies changed differently. The project keeps its own value and shows the other beside it in the Conflicts tab until you choose.</numerusform>
            <numerusform>%n conflicts: records both copies changed differently. The project keeps its own value and shows the other beside it in the Conflicts tab until you choose.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message numerus="yes">
        <source>Import register (%n row(s))</source>
        <translation>
            <numerusform>Import register (%n row)</numerusform>
            <numerusform>Import register (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s)</source>
        <translation>
            <numerusform>Imported %n row</numerusform>
            <numerusform>Imported %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Walkthrough</name>
    <message numerus="yes">
        <source>%n merge conflict(s) to settle: see the Conflicts tab</source>
        <translation>
            <numerusform>%n merge conflict to settle: see the Conflicts tab</numerusform>
            <numerusform>%n merge conflicts to settle: see the Conflicts tab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ZoneRemoval</name>
    <message numerus="yes">
        <source>Remove %1 (%2) and its %n answer(s)? You can undo this.</source>
        <translation>
            <numerusform>Remove %1 (%2) and its %n answer? You can undo this.</numerusform>
            <numerusform>Remove %1 (%2) and its %n answers? You can undo this.</numerusform>
        </translation>
    </message>
</context>
</TS>
