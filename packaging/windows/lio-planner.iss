; Inno Setup 6 script: installs the LIO Planner bundle on Windows and registers .lioplan files,
; so double-clicking a plan opens it in LIO Planner (with the app's icon on the file).
;
; First build the bundle on Windows (python packaging\build_bundle.py makes dist\lio-planner\),
; then:   iscc packaging\windows\lio-planner.iss          (or  iscc /DAppVersion=0.2.0 ...)
; The installer lands in dist\installer\. See docs/packaging.md. Not tested on this project's
; Linux machines: it needs Windows and Inno Setup.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "LIO Planner"
#define AppExe "lio-planner.exe"
#define ProgId "LIOPlanner.Plan"
#define BundleDir "..\..\dist\lio-planner"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{81309040-0D73-49D0-8099-5DD060563020}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=LIO Planner developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user by default (no administrator needed on a council or charity laptop); an
; administrator may choose to install for everyone.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=lio-planner.ico
UninstallDisplayIcon={app}\{#AppExe}
InfoAfterFile={#BundleDir}\THIRD-PARTY-LICENSES.txt
OutputDir=..\..\dist\installer
OutputBaseFilename=lio-planner-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: Qt's libraries stay separate files, as its LGPL licence asks.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .lioplan files belong to the ProgID LIOPlanner.Plan ...
Root: HKA; Subkey: "Software\Classes\.lioplan"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.lioplan\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; ... which has a name, the app's icon, and an "open" command that passes the file's path.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "LIO Planner plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Listed under "Open with" for plan files.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".lioplan"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
