; Inno Setup script of the Windows installer: it installs the one-folder bundle that
; packaging/carejournal.spec builds (dist\CareJournal\) for this user, with a Start menu entry.
; Built by .github/workflows/dist.yml (not tested on Windows here):
;     iscc /DAppVersion=0.1.0 packaging\windows\carejournal.iss
; Paths are relative to this file's folder.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Root SourcePath + "..\..\"

[Setup]
AppId={{6C1C1A52-6E36-4C8B-9B0E-2F4B8C7A0D13}
AppName=CareJournal
AppVersion={#AppVersion}
AppPublisher=CareJournal contributors
DefaultDirName={autopf}\CareJournal
DefaultGroupName=CareJournal
DisableProgramGroupPage=yes
; For the worker alone, no administrator needed (an administrator may choose all users).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}dist
OutputBaseFilename=CareJournal-{#AppVersion}-windows-x64-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\carejournal-gui.exe
#if FileExists(Root + "LICENSE")
LicenseFile={#Root}LICENSE
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}dist\CareJournal\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; carejournal-gui.exe opens the window with no console; carejournal.exe is the command line.
Name: "{group}\CareJournal"; Filename: "{app}\carejournal-gui.exe"
Name: "{autodesktop}\CareJournal"; Filename: "{app}\carejournal-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\carejournal-gui.exe"; Description: "{cm:LaunchProgram,CareJournal}"; Flags: nowait postinstall skipifsilent

; Journals live in the worker's data folder, never in {app}: uninstalling leaves them alone.
