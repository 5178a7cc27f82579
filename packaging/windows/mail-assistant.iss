; Inno Setup script: Mail Setup Assistant for Windows, per-user install (no administrator rights needed).
; Built by `python packaging/build.py windows`, which passes the /D defines below from assistant/__init__.py.
#ifndef AppVersion
  #error Build with packaging/build.py windows (it defines AppVersion, SourceDir, ...)
#endif

[Setup]
; A fixed AppId: later versions upgrade this installation instead of adding a second one.
AppId={{6F0C8E2A-3B7D-4C51-9A2E-8D4F1B6C7A93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}
; Per user by default: %LOCALAPPDATA%\Programs\Mail Setup Assistant; an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=mail-setup-assistant-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\mail-assistant.exe
UninstallDisplayName={#AppName}
LicenseFile={#LicenseFile}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[CustomMessages]
en.AppTitle=Mail Setup Assistant
ja.AppTitle=メール設定アシスタント

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\mail-assistant.exe"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\mail-assistant.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\mail-assistant.exe"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: settings and the keyring entries belong to the user and stay.
Type: filesandordirs; Name: "{app}"
