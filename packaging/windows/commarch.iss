; Inno Setup 6 script: installs dist\commarch (from packaging/commarch.spec) and associates .comm files.
; Build on Windows after PyInstaller:  iscc /DAppVersion=0.1.0 packaging\windows\commarch.iss
; (AppVersion must be commarch.__version__: `dist\commarch\commarch.exe --version` prints it.)
; Per-user by default (no admin rights needed on a consultant's managed laptop); HKA writes to HKCU
; then, and to HKLM when the user chooses an all-users install.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\commarch.iss
#endif

[Setup]
AppId={{6B0F5C1E-3C1D-4E7A-9C55-7A1D2C0E4B21}
AppName=commarch
AppVersion={#AppVersion}
AppPublisher=The commarch contributors
DefaultDirName={autopf}\commarch
DefaultGroupName=commarch
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=..\icons\commarch.ico
UninstallDisplayIcon={app}\commarchw.exe
OutputDir=..\..\dist
OutputBaseFilename=commarch-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add commarch to PATH (command line)"; Flags: unchecked

[Files]
Source: "..\..\dist\commarch\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\commarch"; Filename: "{app}\commarchw.exe"
Name: "{autodesktop}\commarch"; Filename: "{app}\commarchw.exe"; Tasks: desktopicon

[Registry]
; .comm -> ProgID commarch.Model, opened by the windowed launcher (no console window)
Root: HKA; Subkey: "Software\Classes\.comm"; ValueType: string; ValueName: ""; ValueData: "commarch.Model"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.comm"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-commarch"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.comm\OpenWithProgids"; ValueType: string; ValueName: "commarch.Model"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\commarch.Model"; ValueType: string; ValueName: ""; ValueData: "Communication architecture"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\commarch.Model\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\commarchw.exe,0"
Root: HKA; Subkey: "Software\Classes\commarch.Model\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\commarchw.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\commarchw.exe\SupportedTypes"; ValueType: string; ValueName: ".comm"; ValueData: ""; Flags: uninsdeletekey
; optional: the console commarch.exe on the user's PATH
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\commarchw.exe"; Description: "{cm:LaunchProgram,commarch}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
    Path := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
