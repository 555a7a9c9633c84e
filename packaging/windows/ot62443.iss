; Inno Setup script: the Windows installer for OT 62443 Workbook. It packs the frozen one-folder build.
;
; Build it on Windows (PyInstaller does not cross-compile, so the folder must be frozen there too):
;   py -3.11 -m venv .venv
;   .venv\Scripts\activate
;   pip install -e .
;   python packaging\build_app.py --installer     (freezes, smoke-tests, then runs ISCC on this file)
; or, by hand, after build_app.py:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\ot62443.iss
; Output: packaging\dist\ot62443-workbook-<version>-setup.exe. Needs Inno Setup 6.3 or newer.
;
; The installer works with no network, installs per user without admin rights by default (or for all users when
; run as administrator), and never touches the user's projects, backups or settings on uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "OT 62443 Workbook"
#define GuiExe "ot62443w.exe"
#define Bundle "..\dist\ot62443"

[Setup]
AppId={{5E0B6C52-7F0D-4C2B-9A55-3C1E8E2B6243}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=ot62443-workbook-{#AppVersion}-setup
SetupIconFile=..\build\icons\ot62443.ico
UninstallDisplayIcon={app}\{#GuiExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "Open .ot62443 project files with {#AppName}"; GroupDescription: "File types:"

[Files]
; The whole frozen folder: ot62443.exe (command line), ot62443w.exe (GUI, no console) and _internal\.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; HKA: HKCU for a per-user install, HKLM for an all-users one.
Root: HKA; Subkey: "Software\Classes\.ot62443"; ValueType: string; ValueName: ""; ValueData: "OT62443Workbook.Project"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\OT62443Workbook.Project"; ValueType: string; ValueName: ""; ValueData: "OT 62443 Workbook project"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\OT62443Workbook.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\OT62443Workbook.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" gui ""%1"""; Tasks: association

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
