; Inno Setup script of SPRO Desk for Windows (Inno Setup 6.2 or later).
;
; Installs the PyInstaller one-folder build (dist\spro-desk, see installer\README.md) for the
; current user only: no administrator rights, files under %LOCALAPPDATA%\Programs\SPRO Desk,
; a Start menu entry. Installing a newer version over an older one replaces the program and
; keeps the data: the database is migrated at the next start, after a backup copy.
; Uninstalling removes the program; the data folder (%LOCALAPPDATA%\SPRO\spro-desk: contacts,
; directory, the desk's keys) is kept unless the person uninstalling asks for its removal.
;
; Saved as UTF-8 with a byte order mark: ISCC then reads the French texts correctly.
;
; Build, from the repository's root on Windows:
;   iscc /DAppVersion=0.2.0 installer\windows\spro-desk.iss  (the version of pyproject.toml)
; Output: dist\spro-desk-<version>-installation.exe

#ifndef AppVersion
  #error Pass the version of pyproject.toml: iscc /DAppVersion=X.Y.Z
#endif
#define AppName "SPRO Desk"
#define AppExe "spro-desk.exe"
#define CliExe "spro-desk-cli.exe"
; The folder platformdirs gives `user_data_dir("spro-desk", "SPRO")` (spro_desk/paths.py).
#define DataDir "{localappdata}\SPRO\spro-desk"
; QSettings of the window (size, splitters): HKCU\Software\<organisation>\<application>.
#define SettingsKey "Software\SPRO\SPRO Desk"

[Setup]
; The same AppId for every version: a newer installer upgrades the installed one in place.
AppId={{4A570E25-E3BE-4EB7-A3DC-E2912F3A0149}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Service public régional de l'orientation
AppComments=Poste d'accueil hors ligne : accueil, annuaire des partenaires et orientation.
; Per-user install, no elevation prompt; {autopf} would need administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=spro-desk-{#AppVersion}-installation
SetupIconFile=resources\icons\spro-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running SPRO Desk is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
LicenseFile=installer\windows\licence.txt
ShowLanguageDialog=auto

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.DesktopIcon=Créer un raccourci sur le Bureau
en.DesktopIcon=Create a desktop shortcut
fr.LaunchApp=Lancer SPRO Desk
en.LaunchApp=Start SPRO Desk
fr.CliName=SPRO Desk (ligne de commande)
en.CliName=SPRO Desk (command line)
fr.DataFolder=Dossier des données de SPRO Desk
en.DataFolder=SPRO Desk data folder
fr.RemoveDataQuestion=Supprimer aussi les données de SPRO Desk ?%n%n%1%n%nCe dossier contient les passages enregistrés, l'annuaire, les sauvegardes et les clés de ce poste. Une fois supprimées, ces données ne peuvent pas être récupérées.%n%nChoisissez « Non » pour les garder (réinstallation, mise à jour, copie de sauvegarde).
en.RemoveDataQuestion=Also delete the SPRO Desk data?%n%n%1%n%nThis folder holds the recorded contacts, the directory, the backups and this desk's keys. Once deleted they cannot be recovered.%n%nChoose "No" to keep them (reinstall, upgrade, backup copy).
fr.RemoveDataConfirm=Confirmez la suppression définitive des données de ce poste.
en.RemoveDataConfirm=Confirm the permanent deletion of this desk's data.

[Dirs]
; Created now so that the Start menu shortcut to it works before the first start; kept by the
; uninstaller (the [Code] below removes it only on request).
Name: "{#DataDir}"; Flags: uninsneveruninstall

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; Upgrading: the previous version's program files go first (a module renamed or removed in the
; new version must not linger). The data folder is elsewhere and never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\spro-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; With PrivilegesRequired=lowest, {group} is the user's own Start menu.
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:CliName}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:DataFolder}"; Filename: "{#DataDir}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything the program left next to itself (nothing is expected: data lives in {#DataDir}).
Type: filesandordirs; Name: "{app}"

[Code]
// The uninstaller asks whether the data goes too; the answer defaults to keeping it. A silent
// uninstall keeps it, unless given /SUPPRIMERDONNEES (for an administrator clearing a machine).

function HasParam(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
      Result := True;
end;

function DataRemovalWanted(const Folder: String): Boolean;
begin
  if UninstallSilent then
    Result := HasParam('/SUPPRIMERDONNEES')
  else
    Result :=
      (SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveDataQuestion'), [Folder]),
         mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES) and
      (SuppressibleMsgBox(CustomMessage('RemoveDataConfirm'),
         mbError, MB_OKCANCEL or MB_DEFBUTTON2, IDCANCEL) = IDOK);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := ExpandConstant('{#DataDir}');
  if not DirExists(Folder) then
    Exit;
  if DataRemovalWanted(Folder) then
  begin
    DelTree(Folder, True, True, True);
    RegDeleteKeyIncludingSubkeys(HKCU, '{#SettingsKey}');
  end;
end;
