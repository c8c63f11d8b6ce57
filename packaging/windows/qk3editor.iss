; Inno Setup script for qk3editor on Windows (Inno Setup 6).
;
; NOT TRIED: written and kept beside the Linux bundle, never compiled or run on Windows (no
; Windows machine in this project's CI). Steps, on a Windows machine with Python 3.11:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e ".[bundle]"
;   .venv\Scripts\python packaging\build.py --out dist
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\qk3editor.iss
; The spec makes dist\qk3editor\qk3editor.exe (console: the CLI) and qk3editor-gui.exe (no
; console: the Start menu and "Open with"). Per-user install: no administrator rights needed.

#define AppName "qk3editor"
#define AppVersion "0.1.0"
#define AppId "vn.qk3.qk3editor"
#define Dist "..\..\dist\qk3editor"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=qk3editor developers
DefaultDirName={localappdata}\Programs\qk3editor
DefaultGroupName=qk3editor
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=qk3editor-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\qk3editor.ico
UninstallDisplayIcon={app}\qk3editor-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
LicenseFile=..\..\LICENSE

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "openwith"; Description: "Open .md and .docx files with qk3editor"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\qk3editor"; Filename: "{app}\qk3editor-gui.exe"
Name: "{group}\{cm:UninstallProgram,qk3editor}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\qk3editor"; Filename: "{app}\qk3editor-gui.exe"; Tasks: desktopicon

[Registry]
; "Open with" for Markdown and Word files (per user), without taking over the default program
Root: HKCU; Subkey: "Software\Classes\Applications\qk3editor-gui.exe\shell\open\command"; ValueType: string; ValueData: """{app}\qk3editor-gui.exe"" ""%1"""; Flags: uninsdeletekey; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\Applications\qk3editor-gui.exe\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\Applications\qk3editor-gui.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\.md\OpenWithList\qk3editor-gui.exe"; ValueType: string; ValueData: ""; Flags: uninsdeletekey; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithList\qk3editor-gui.exe"; ValueType: string; ValueData: ""; Flags: uninsdeletekey; Tasks: openwith

[Run]
Filename: "{app}\qk3editor-gui.exe"; Description: "{cm:LaunchProgram,qk3editor}"; Flags: nowait postinstall skipifsilent
