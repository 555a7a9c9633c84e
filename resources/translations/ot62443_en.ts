<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <name>ZonesView</name>
    <message numerus="yes">
        <source>Remove %1 (%2) and its %n answer(s)? You can undo this.</source>
        <translation>
            <numerusform>Remove %1 (%2) and its %n answer? You can undo this.</numerusform>
            <numerusform>Remove %1 (%2) and its %n answers? You can undo this.</numerusform>
        </translation>
    </message>
</context>
</TS>
