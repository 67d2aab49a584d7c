<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="56"/>
        <source>À propos de SPRO Desk</source>
        <translation>About SPRO Desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="59"/>
        <source>Rubriques de la fenêtre À propos</source>
        <translation>Sections of the About window</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="60"/>
        <source>SPRO Desk</source>
        <translation>SPRO Desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="62"/>
        <source>Données</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="62"/>
        <source>Producteur</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="62"/>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="68"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="62"/>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="68"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="64"/>
        <source>Sources des données</source>
        <translation>Data sources</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="66"/>
        <source>Sources des &amp;données</source>
        <translation>Data &amp;sources</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="68"/>
        <source>Composant</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="68"/>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="101"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="70"/>
        <source>Composants et leurs licences</source>
        <translation>Components and their licences</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="72"/>
        <source>&amp;Composants</source>
        <translation>&amp;Components</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="98"/>
        <source>Logo de SPRO Desk</source>
        <translation>SPRO Desk logo</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="100"/>
        <source>SPRO Desk, version {version}</source>
        <translation>SPRO Desk, version {version}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="105"/>
        <source>Poste d&apos;accueil hors ligne du Service public régional de l&apos;orientation : premier accueil, annuaire des partenaires et orientation.</source>
        <translation>Offline front-desk application of the regional public guidance service (Service public régional de l&apos;orientation): first reception, partner directory and referral.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="108"/>
        <source>Logiciel libre distribué sous licence {licence}.</source>
        <translation>Free software distributed under the {licence} licence.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="111"/>
        <source>Dossier des données : {path}</source>
        <translation>Data folder: {path}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/about/dialog.py" line="112"/>
        <source>Présentation</source>
        <translation>Overview</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="102"/>
        <source>Nouveau compte</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="102"/>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="106"/>
        <source>Nom de la personne</source>
        <translation>Person&apos;s name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="111"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="112"/>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="113"/>
        <source>Mot de passe, pour vérifier</source>
        <translation>Password, to check</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="114"/>
        <source>Message du compte</source>
        <translation>Account message</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="120"/>
        <source>&amp;Créer le compte</source>
        <translation>&amp;Create the account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="120"/>
        <source>&amp;Changer le mot de passe</source>
        <translation>&amp;Change the password</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="123"/>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="127"/>
        <source>&amp;Nom :</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="129"/>
        <source>&amp;Rôle :</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="130"/>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="131"/>
        <source>&amp;Vérification :</source>
        <translation>Chec&amp;k:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="148"/>
        <source>Les deux mots de passe diffèrent : rien n&apos;a été fait.</source>
        <translation>The two passwords differ: nothing was done.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="156"/>
        <source>Chiffrement du mot de passe…</source>
        <translation>Hashing the password…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="167"/>
        <source>Le compte n&apos;a pas pu être enregistré ({error}) : rien n&apos;a été fait.</source>
        <translation>The account could not be saved ({error}): nothing was done.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="72"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="73"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="74"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="83"/>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="83"/>
        <source>Désactivé</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>AccountsScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/__init__.py" line="55"/>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="222"/>
        <source>Comptes</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="195"/>
        <source>Résumé des comptes</source>
        <translation>Accounts summary</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="196"/>
        <source>Message de l&apos;écran Comptes</source>
        <translation>Accounts screen message</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="197"/>
        <source>A&amp;jouter un compte…</source>
        <translation>Add an acc&amp;ount…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="198"/>
        <source>Dé&amp;sactiver…</source>
        <translation>Di&amp;sable…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="200"/>
        <source>&amp;Réinitialiser le mot de passe…</source>
        <translation>&amp;Reset the password…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="202"/>
        <source>Désactiver le compte</source>
        <translation>Disable the account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="216"/>
        <source>&amp;Verrouiller après :</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="229"/>
        <source>Comptes de la coordination</source>
        <translation>The coordination&apos;s accounts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="231"/>
        <source>Chaque personne et son rôle. Suppr désactive le compte choisi, après confirmation.</source>
        <translation>Each person and their role. Delete disables the chosen account, after confirmation.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="240"/>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="242"/>
        <source>Verrouiller après</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="245"/>
        <source>Sans clavier ni souris pendant ce temps, la fenêtre demande de se reconnecter.</source>
        <translation>With no keyboard or mouse input for this long, the window asks to sign in again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="276"/>
        <source>{n} compte(s) actif(s) sur {total}.</source>
        <translation>{n} active account(s) out of {total}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="297"/>
        <source>Compte « {name} » créé.</source>
        <translation>Account “{name}” created.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="302"/>
        <source>Choisissez d&apos;abord un compte dans la liste.</source>
        <translation>First choose an account in the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="311"/>
        <source>Mot de passe de « {name} » changé.</source>
        <translation>Password of “{name}” changed.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="334"/>
        <source>Choisissez d&apos;abord un compte actif dans la liste.</source>
        <translation>First choose an active account in the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="338"/>
        <source>Désactiver un compte</source>
        <translation>Disable an account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="340"/>
        <source>Désactiver le compte « {name} » ({role}) ?

Cette personne ne pourra plus se connecter ; ses actions passées restent au journal.</source>
        <translation>Disable the account “{name}” ({role})?

This person will no longer be able to sign in; their past actions stay in the log.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="343"/>
        <source>&amp;Désactiver ce compte</source>
        <translation>&amp;Disable this account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="353"/>
        <source>Désactivation abandonnée : le compte reste actif.</source>
        <translation>Disabling abandoned: the account stays active.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="360"/>
        <source>Compte « {name} » désactivé.</source>
        <translation>Account “{name}” disabled.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/accounts_screen.py" line="376"/>
        <source>La fenêtre se verrouillera après {n} minute(s) sans activité.</source>
        <translation>The window will lock after {n} minute(s) without activity.</translation>
    </message>
</context>
<context>
    <name>AccueilScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="72"/>
        <source>Orienter (Ctrl+O)</source>
        <translation>Refer (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="73"/>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="196"/>
        <source>Abandonner la modification</source>
        <translation>Discard the changes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="106"/>
        <location filename="../../src/spro_desk/ui/app/screens.py" line="39"/>
        <source>Accueil</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="120"/>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="343"/>
        <source>Enregistrer le contact</source>
        <translation>Save the contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="124"/>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="192"/>
        <source>Enregistrer et orienter</source>
        <translation>Save and refer</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="127"/>
        <source>Rétablir le dernier contact supprimé</source>
        <translation>Restore the last deleted contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="146"/>
        <source>Formulaire du contact</source>
        <translation>Contact form</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="194"/>
        <source>Enregistre le contact puis cherche les structures adaptées à la personne.</source>
        <translation>Saves the contact, then looks for organisations suited to the person.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="198"/>
        <source>Laisse le contact tel qu&apos;il était et vide le formulaire.</source>
        <translation>Leaves the contact as it was and clears the form.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="263"/>
        <source>Ouverture de la base… Le contact sera enregistré dès qu&apos;elle est prête, votre saisie est conservée.</source>
        <translation>Opening the database… The contact will be saved as soon as it is ready; what you typed is kept.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="313"/>
        <source>Saisie en cours retrouvée : SPRO Desk s&apos;était fermé avant son enregistrement. Vérifiez-la puis enregistrez (les coordonnées personnelles ne sont jamais conservées hors de la base).</source>
        <translation>Unsaved entry recovered: SPRO Desk closed before it was recorded. Check it, then record it (personal details are never kept outside the database).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="331"/>
        <source>Le contact en cours avait bien été enregistré avant la fermeture de SPRO Desk : il est dans « Aujourd&apos;hui ».</source>
        <translation>The contact being entered had been recorded before SPRO Desk closed: it is in “Today”.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="342"/>
        <source>Enregistrer (Ctrl+Entrée)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="350"/>
        <source>Choisissez le statut de la personne (une touche suffit).</source>
        <translation>Choose the person&apos;s status (one key is enough).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="381"/>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="385"/>
        <source>Contact non enregistré : %s</source>
        <translation>Contact not saved: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="401"/>
        <source>Contact de %s modifié.</source>
        <translation>Contact at %s updated.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="403"/>
        <source>Contact enregistré à %s.</source>
        <translation>Contact saved at %s.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="414"/>
        <source>Commune : %s.</source>
        <translation>Municipality: %s.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="498"/>
        <source>Enregistrer la modification (Ctrl+Entrée)</source>
        <translation>Save the changes (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="499"/>
        <source>Enregistrer la modification du contact</source>
        <translation>Save the changes to the contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="526"/>
        <source>Saisie en cours</source>
        <translation>Entry in progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="528"/>
        <source>Le formulaire contient une saisie non enregistrée. L&apos;abandonner pour modifier le contact choisi ?</source>
        <translation>The form holds an unsaved entry. Discard it to edit the selected contact?</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="531"/>
        <source>Abandonner la saisie</source>
        <translation>Discard the entry</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="537"/>
        <source>Modification abandonnée : le contact est inchangé.</source>
        <translation>Changes discarded: the contact is unchanged.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="544"/>
        <source>Supprimer le contact de %s ? Ctrl+Z le rétablit.</source>
        <translation>Delete the contact at %s? Ctrl+Z restores it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="546"/>
        <source>Supprimer un contact</source>
        <translation>Delete a contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="546"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="556"/>
        <source>Contact de %s supprimé.</source>
        <translation>Contact at %s deleted.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="575"/>
        <source>Contact rétabli.</source>
        <translation>Contact restored.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="490"/>
        <source>Ses données personnelles ont été effacées : un nouvel accord de la personne s&apos;enregistre avec un nouveau contact.</source>
        <translation>Their personal data was erased: if the person agrees again, record a new contact.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/screen.py" line="496"/>
        <source>Votre rôle ne permet pas d&apos;y ajouter des coordonnées.</source>
        <translation>Your role does not allow adding contact details to it.</translation>
    </message>
</context>
<context>
    <name>AgentForm</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="67"/>
        <source>&amp;Nom de l&apos;agent :</source>
        <translation>Agent&apos;s &amp;name:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="69"/>
        <source>&amp;Rôle :</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="72"/>
        <source>&amp;Code (8 chiffres ou plus) ou mot de passe :</source>
        <translation>&amp;Code (8 digits or more) or password:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="73"/>
        <source>C&amp;onfirmation :</source>
        <translation>C&amp;onfirm:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="75"/>
        <source>Nom de l&apos;agent</source>
        <translation>Agent&apos;s name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="76"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="78"/>
        <source>Au moins 8 chiffres, ou un mot de passe d&apos;au moins 8 caractères.</source>
        <translation>At least 8 digits, or a password of at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="80"/>
        <source>Confirmation du code</source>
        <translation>Code confirmation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="91"/>
        <source>Les deux saisies du code diffèrent.</source>
        <translation>The two entries of the code do not match.</translation>
    </message>
</context>
<context>
    <name>AgentPage</name>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/agent_page.py" line="18"/>
        <source>Le premier agent</source>
        <translation>The first agent</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/agent_page.py" line="21"/>
        <source>La personne qui prépare ce poste, responsable du site. Son code protège l&apos;accès aux données personnelles ; les autres agents s&apos;ajoutent ensuite.</source>
        <translation>The person setting up this desk, the site manager. Their code protects access to personal data; the other agents are added afterwards.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/agent_page.py" line="28"/>
        <source>Nom de l&apos;agent</source>
        <translation>Agent&apos;s name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/agent_page.py" line="31"/>
        <source>De {low} à {high} chiffres.</source>
        <translation>{low} to {high} digits.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/agent_page.py" line="39"/>
        <source>&amp;Nom :</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/agent_page.py" line="43"/>
        <source>&amp;Code ({low} à {high} chiffres) :</source>
        <translation>&amp;Code ({low} to {high} digits):</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/agent_page.py" line="44"/>
        <source>C&amp;onfirmation du code :</source>
        <translation>C&amp;onfirm the code:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/agent_page.py" line="64"/>
        <source>Les deux codes tapés ne sont pas identiques.</source>
        <translation>The two codes typed are not the same.</translation>
    </message>
</context>
<context>
    <name>Agents</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="42"/>
        <source>Agent d&apos;accueil</source>
        <translation>Front-desk agent</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="43"/>
        <source>Responsable de site</source>
        <translation>Site manager</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="44"/>
        <source>Coordinateur·rice</source>
        <translation>Coordinator</translation>
    </message>
</context>
<context>
    <name>AgentsPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="265"/>
        <source>Comptes des agents</source>
        <translation>Agent accounts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="268"/>
        <source>Comptes des agents du poste</source>
        <translation>Accounts of this desk&apos;s agents</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="269"/>
        <source>&amp;Ajouter un agent…</source>
        <translation>&amp;Add an agent…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="270"/>
        <source>Changer le &amp;code…</source>
        <translation>Change the &amp;code…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="271"/>
        <source>&amp;Désactiver le compte</source>
        <translation>&amp;Deactivate the account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="272"/>
        <source>Ajouter un agent</source>
        <translation>Add an agent</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="273"/>
        <source>Changer le code de l&apos;agent choisi</source>
        <translation>Change the selected agent&apos;s code</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="274"/>
        <source>Désactiver le compte choisi</source>
        <translation>Deactivate the selected account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="276"/>
        <source>Le compte ne peut plus ouvrir le poste ; sa copie de la clé est détruite.</source>
        <translation>The account can no longer open the desk; its copy of the key is destroyed.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="327"/>
        <source>Seul·e la ou le responsable de site gère les comptes du poste.</source>
        <translation>Only the site manager manages the desk&apos;s accounts.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="333"/>
        <source>Compte de %s créé.</source>
        <translation>Account for %s created.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="341"/>
        <source>Code de %s changé.</source>
        <translation>Code for %s changed.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="350"/>
        <source>Désactiver le compte de %s ? Il ne pourra plus ouvrir le poste.</source>
        <translation>Deactivate the account of %s? They will no longer be able to open the desk.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="352"/>
        <source>Désactiver un compte</source>
        <translation>Deactivate an account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="352"/>
        <source>Désactiver</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="359"/>
        <source>Compte de %s désactivé.</source>
        <translation>Account of %s deactivated.</translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="213"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="214"/>
        <source>Poste</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="215"/>
        <source>Ce qui a été constaté</source>
        <translation>What was found</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="216"/>
        <source>Signalée le</source>
        <translation>Reported on</translation>
    </message>
</context>
<context>
    <name>AlertText</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="18"/>
        <source>Bifurcation</source>
        <translation>Fork</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="19"/>
        <source>Événements manquants</source>
        <translation>Missing events</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="20"/>
        <source>Quarantaine</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="21"/>
        <source>Journal des accès</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="28"/>
        <source>{first} à {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="43"/>
        <source>numéro déjà reçu avec un autre contenu</source>
        <translation>number already received with other content</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="45"/>
        <source>ne suit pas l&apos;envoi précédent</source>
        <translation>does not follow the previous bundle</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="47"/>
        <source>Envoi n° {seq} : {why}</source>
        <translation>Bundle no. {seq}: {why}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="53"/>
        <source>{n} événement manquant</source>
        <translation>{n} missing event</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="54"/>
        <source>{n} événements manquants</source>
        <translation>{n} missing events</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="56"/>
        <source>{count} : n° {ranges}</source>
        <translation>{count}: no. {ranges}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="60"/>
        <source>Événement n° {seq} reçu deux fois avec des contenus différents</source>
        <translation>Event no. {seq} received twice with different contents</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="65"/>
        <source>journal des accès revenu en arrière après une restauration</source>
        <translation>access log went back after a restore</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="69"/>
        <source>journal des accès du poste raccourci ou réécrit</source>
        <translation>the desk&apos;s access log shortened or rewritten</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="73"/>
        <source>Envoi n° {seq} : {what}</source>
        <translation>Bundle no. {seq}: {what}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="83"/>
        <source>Le poste « {site} » a envoyé un envoi n° {seq} qui ne prolonge pas ceux déjà reçus. Cela arrive presque toujours quand l&apos;ordinateur du site a été restauré depuis une ancienne sauvegarde ou remplacé par une copie : il repart d&apos;un état ancien et renumérote ses envois.

Rien n&apos;a été écrasé : ce qui avait déjà été reçu est conservé et les nouveaux événements ont été ajoutés.

À faire : appelez le site pour savoir si l&apos;ordinateur a été restauré, et depuis quelle date : des contacts saisis après la sauvegarde puis ressaisis après la restauration seraient comptés deux fois. Si le poste a été perdu ou volé, révoquez-le dans l&apos;écran Postes.</source>
        <translation>The desk “{site}” sent a bundle no. {seq} that does not continue those already received. This almost always happens when the site&apos;s computer was restored from an old backup or replaced by a copy: it starts again from an old state and renumbers its bundles.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="97"/>
        <source>Il manque au poste « {site} » les événements n° {ranges} ({count} en tout), alors que des événements plus récents sont arrivés. Un envoi perdu en route n&apos;en est pas la cause : chaque envoi reprend tout ce que la coordination n&apos;a pas encore accusé. Ces événements avaient donc déjà été reçus puis accusés : la base de la coordination a été restaurée depuis une sauvegarde, ou ces envois ont été importés sur un autre ordinateur.

Les chiffres de ce poste sont incomplets tant que le trou n&apos;est pas comblé ; l&apos;alerte disparaît d&apos;elle-même quand les événements manquants arrivent.

À faire : importez à nouveau les envois de ce poste que vous avez encore (dossier de dépôt, clé USB, sauvegarde, autre ordinateur de la coordination).</source>
        <translation>The desk “{site}” is missing events no. {ranges} ({count} in all), although more recent events have arrived. A bundle lost on the way is not the cause: each bundle carries everything the coordination has not yet acknowledged. These events had therefore already been received and acknowledged: the coordination&apos;s database was restored from a backup, or these bundles were imported on another computer.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="111"/>
        <source>Le poste « {site} » a renvoyé l&apos;événement n° {seq} (identifiant {event}) avec un contenu différent de celui déjà reçu sous le même identifiant. Un poste ne modifie jamais un événement envoyé : sa base a été modifiée à la main, ou sa clé est utilisée par un autre ordinateur.

La première version est conservée ; la seconde est mise de côté (en quarantaine) et n&apos;entre dans aucun chiffre.

À faire : contactez le site pour comprendre ce qui s&apos;est passé. Si vous soupçonnez que sa clé a été copiée, révoquez le poste dans l&apos;écran Postes et faites-le enregistrer à nouveau avec une nouvelle identité.</source>
        <translation>The desk “{site}” sent event no. {seq} (identifier {event}) again with content different from the one already received under the same identifier. A desk never changes an event it has sent: its database was edited by hand, or its key is used by another computer.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="128"/>
        <source>Le journal des accès d&apos;un poste ne fait que s&apos;allonger : seule une personne ayant eu accès aux fichiers du poste peut le raccourcir. À faire : appelez le site, faites vérifier son journal et, si l&apos;ordinateur a pu être copié ou volé, révoquez le poste dans l&apos;écran Postes.</source>
        <translation>A desk&apos;s access log only ever grows: only someone who had access to the desk&apos;s files can shorten it. To do: call the site, have its log checked and, if the computer may have been copied or stolen, revoke the desk in the Desks screen.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alert_text.py" line="136"/>
        <source>Alerte de type « {kind} » du poste « {site} ».</source>
        <translation>Alert of type “{kind}” from the desk “{site}”.</translation>
    </message>
</context>
<context>
    <name>AlertsScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/__init__.py" line="50"/>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="37"/>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="53"/>
        <source>Alertes</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="38"/>
        <source>Les plus récentes d&apos;abord ; l&apos;explication de l&apos;alerte choisie suit la liste.</source>
        <translation>Most recent first; the explanation of the selected alert follows the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="42"/>
        <source>Résumé des alertes</source>
        <translation>Alerts summary</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="44"/>
        <source>&amp;Marquer comme traitée…</source>
        <translation>&amp;Mark as handled…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="46"/>
        <source>Note ce qui a été fait ; la note est gardée dans le journal des alertes.</source>
        <translation>Note what was done; the note is kept in the alerts&apos; log.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="60"/>
        <source>Explication de l&apos;alerte choisie</source>
        <translation>Explanation of the selected alert</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="61"/>
        <source>Choisissez une alerte pour savoir ce qu&apos;elle signifie.</source>
        <translation>Choose an alert to find out what it means.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="96"/>
        <source>Aucune alerte : tout ce qui a été reçu se suit, sans trou ni doublon.</source>
        <translation>No alerts: everything received follows on, with no gaps or duplicates.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="100"/>
        <source>{n} bifurcation</source>
        <translation>{n} fork</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="100"/>
        <source>{n} bifurcations</source>
        <translation>{n} forks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="102"/>
        <source>{n} poste avec des événements manquants</source>
        <translation>{n} desk with missing events</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="103"/>
        <source>{n} postes avec des événements manquants</source>
        <translation>{n} desks with missing events</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="106"/>
        <source>{n} événement en quarantaine</source>
        <translation>{n} event in quarantine</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="107"/>
        <source>{n} événements en quarantaine</source>
        <translation>{n} events in quarantine</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="115"/>
        <source>{n} alerte</source>
        <translation>{n} alert</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="115"/>
        <source>{n} alertes</source>
        <translation>{n} alerts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="117"/>
        <source>{alerts} : {details}.</source>
        <translation>{alerts}: {details}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="142"/>
        <source>Marquer l&apos;alerte comme traitée</source>
        <translation>Mark the alert as handled</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="143"/>
        <source>Ce qui a été fait (gardé dans le journal des alertes) :</source>
        <translation>What was done (kept in the alerts&apos; log):</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/alerts_screen.py" line="150"/>
        <source>Action refusée</source>
        <translation>Action refused</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/startup.py" line="88"/>
        <source>La base de données «&#xa0;{path}&#xa0;» ne peut pas être ouverte ({error}). Vérifiez que le dossier est accessible et qu&apos;aucune autre fenêtre de SPRO Desk ne l&apos;utilise.</source>
        <translation>The database “{path}” cannot be opened ({error}). Check that the folder is accessible and that no other SPRO Desk window is using it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/startup.py" line="187"/>
        <source>Erreur inattendue à l&apos;ouverture de la base de données ({error}).</source>
        <translation>Unexpected error while opening the database ({error}).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/start.py" line="189"/>
        <source>Le dossier de données ({folder}) ne peut pas être créé ni ouvert ({error}).

Vérifiez que le disque où il se trouve est branché et que votre compte a le droit d&apos;y écrire, ou choisissez un autre dossier (--data-dir ou SPRO_DESK_DATA_DIR), puis relancez SPRO Desk.</source>
        <translation>The data folder ({folder}) cannot be created or opened ({error}).

Check that the disk it is on is connected and that your account may write to it, or choose another folder (--data-dir or SPRO_DESK_DATA_DIR), then start SPRO Desk again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/start.py" line="209"/>
        <source>Le fichier de la base de données ({file}) est en lecture seule : SPRO Desk ne pourrait rien y enregistrer.

Rendez à votre compte le droit d&apos;écrire dans ce fichier (ses propriétés, ou la personne qui gère l&apos;ordinateur), puis relancez SPRO Desk.</source>
        <translation>The database file ({file}) is read-only: SPRO Desk could not save anything in it.

Give your account the right to write to this file (its properties, or the person who manages the computer), then start SPRO Desk again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/start.py" line="230"/>
        <source>SPRO Desk ne peut pas démarrer</source>
        <translation>SPRO Desk cannot start</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/start.py" line="231"/>
        <source>SPRO Desk ne peut pas écrire dans son dossier de données ({folder}) : il ne peut pas y noter qu&apos;il est ouvert.

Vérifiez que ce dossier n&apos;est pas en lecture seule et que votre compte a le droit d&apos;y écrire, puis relancez SPRO Desk.</source>
        <translation>SPRO Desk cannot write to its data folder ({folder}): it cannot note there that it is open.

Check that this folder is not read-only and that your account may write to it, then start SPRO Desk again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/start.py" line="239"/>
        <source>SPRO Desk est déjà ouvert</source>
        <translation>SPRO Desk is already open</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/start.py" line="240"/>
        <source>SPRO Desk est déjà ouvert sur ce dossier de données ({folder}), mais sa fenêtre n&apos;a pas pu passer au premier plan : elle termine peut-être son démarrage.

Attendez quelques secondes, puis cherchez la fenêtre de SPRO Desk dans la barre des tâches. Une seule fenêtre à la fois peut utiliser ce dossier : si elle n&apos;apparaît pas ou ne répond plus, fermez votre session (ou redémarrez l&apos;ordinateur), puis relancez SPRO Desk.</source>
        <translation>SPRO Desk is already open on this data folder ({folder}), but its window could not be brought to the front: it may still be starting.

Wait a few seconds, then look for the SPRO Desk window in the taskbar. Only one window at a time can use this folder: if it does not appear or no longer responds, sign out (or restart the computer), then start SPRO Desk again.</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="27"/>
        <source>Poste enregistré</source>
        <translation>Desk registered</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="28"/>
        <source>Poste révoqué</source>
        <translation>Desk revoked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="29"/>
        <source>Poste réintégré</source>
        <translation>Desk reinstated</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="30"/>
        <source>Annuaire publié</source>
        <translation>Directory published</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="31"/>
        <source>Période close</source>
        <translation>Period closed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="32"/>
        <source>Bilan publié</source>
        <translation>Report published</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="33"/>
        <source>Nouvelle édition des bilans d&apos;une période</source>
        <translation>New edition of a period&apos;s reports</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="36"/>
        <source>Alerte traitée</source>
        <translation>Alert handled</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="37"/>
        <source>Envois importés</source>
        <translation>Bundles imported</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="38"/>
        <source>Collecte automatique</source>
        <translation>Automatic collection</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="39"/>
        <source>Compte créé</source>
        <translation>Account created</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="40"/>
        <source>Compte désactivé</source>
        <translation>Account deactivated</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="41"/>
        <source>Mot de passe changé</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="42"/>
        <source>Connexion</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="43"/>
        <source>Connexion refusée</source>
        <translation>Sign-in refused</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="44"/>
        <source>Action refusée</source>
        <translation>Action refused</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/agents/coordination_audit.py" line="45"/>
        <source>Verrouillage après inactivité réglé</source>
        <translation>Lock after inactivity set</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="47"/>
        <source>Quand (UTC)</source>
        <translation>When (UTC)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="48"/>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="49"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="50"/>
        <source>Sur quoi</source>
        <translation>On what</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="51"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="60"/>
        <source>(avant tout compte)</source>
        <translation>(before any account)</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/__init__.py" line="53"/>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="102"/>
        <source>Journal</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="86"/>
        <source>Journal de la coordination</source>
        <translation>Coordination&apos;s log</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="87"/>
        <source>Chaque action sensible, la plus récente d&apos;abord ; en lecture seule.</source>
        <translation>Every sensitive action, newest first; read-only.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="96"/>
        <source>Résumé du journal</source>
        <translation>Log summary</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="115"/>
        <source>Aucune action enregistrée pour l&apos;instant.</source>
        <translation>No action recorded yet.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/audit_screen.py" line="118"/>
        <source>{n} action(s) enregistrée(s) ; heures en temps universel (UTC).</source>
        <translation>{n} action(s) recorded; times in Coordinated Universal Time (UTC).</translation>
    </message>
</context>
<context>
    <name>AutoCollection</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/collection.py" line="28"/>
        <source>Collecte &amp;automatique</source>
        <translation>&amp;Automatic collection</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/collection.py" line="32"/>
        <source>Relever les envois du serveur WebDAV et du dossier réglés, les importer et renvoyer les accusés de réception, à intervalle régulier.</source>
        <translation>Collect the bundles from the configured WebDAV server and folder, import them and send the acknowledgements back, at regular intervals.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/collection.py" line="73"/>
        <source>Collecte automatique en marche : %s.</source>
        <translation>Automatic collection running: %s.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/collection.py" line="103"/>
        <source>Collecte : %s</source>
        <translation>Collection: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/collection.py" line="105"/>
        <source>Collecte : %d envoi(s) importé(s), %d refusé(s), %d renvoi(s).</source>
        <translation>Collection: %d bundle(s) imported, %d refused, %d sent back.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/collection.py" line="114"/>
        <source>Collecte automatique arrêtée : %s</source>
        <translation>Automatic collection stopped: %s</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="98"/>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="173"/>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="102"/>
        <source>&amp;Restaurer cette sauvegarde…</source>
        <translation>&amp;Restore this backup…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="109"/>
        <source>Sauvegardes du poste</source>
        <translation>This desk&apos;s backups</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="114"/>
        <source>Restaurer la sauvegarde choisie</source>
        <translation>Restore the selected backup</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="116"/>
        <source>Remplace la base actuelle par cette sauvegarde, après en avoir gardé copie.</source>
        <translation>Replaces the current database with this backup, after keeping a copy of it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="143"/>
        <source>Aucune sauvegarde pour l&apos;instant : SPRO Desk en fait une chaque jour, la première quelques instants après son ouverture.</source>
        <translation>No backups yet: SPRO Desk makes one every day, the first a few moments after it opens.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="166"/>
        <source>Remplacer la base actuelle par cette sauvegarde ?

{preview}

Ce qui a été saisi depuis n&apos;y figure pas. Une copie de la base actuelle est gardée : la restaurer annule cette opération.

{sync}</source>
        <translation>Replace the current database with this backup?

{preview}

Anything entered since is not in it. A copy of the current database is kept: restoring it undoes this operation.

{sync}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="174"/>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="186"/>
        <source>Restauration en cours…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="199"/>
        <source>Sauvegarde du {date} restaurée. La base d&apos;avant est gardée : « {name} ».</source>
        <translation>Backup of {date} restored. The previous database is kept: “{name}”.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="214"/>
        <source>Restauration impossible : %s</source>
        <translation>Restore failed: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="216"/>
        <source>Restauration impossible</source>
        <translation>Restore failed</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="49"/>
        <source>avant restauration</source>
        <translation>before restore</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="50"/>
        <source>avant mise à jour</source>
        <translation>before update</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="51"/>
        <source>base endommagée</source>
        <translation>damaged database</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="53"/>
        <source>sauvegarde</source>
        <translation>backup</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="57"/>
        <source>{date} à {time} — {kind}</source>
        <translation>{date} at {time} — {kind}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="68"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/backup_dialog.py" line="70"/>
        <source>Sauvegarde du {date}
Contacts : {contacts} · orientations : {referrals} · services de l&apos;annuaire : {services}
Dernier contact : {last}
Version du schéma : {schema} · taille : {size} Ko
Fichier : {name}</source>
        <translation>Backup of {date}
Contacts: {contacts} · referrals: {referrals} · directory services: {services}
Last contact: {last}
Schema version: {schema} · size: {size} KB
File: {name}</translation>
    </message>
</context>
<context>
    <name>BilanExporter</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="109"/>
        <source>Classeur XLSX (*.xlsx)</source>
        <translation>XLSX workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="109"/>
        <source>CSV pour tableur (*.csv)</source>
        <translation>CSV for spreadsheets (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="110"/>
        <source>Bilan PDF (*.pdf)</source>
        <translation>PDF report (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="110"/>
        <source>JSON pour scripts (*.json)</source>
        <translation>JSON for scripts (*.json)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="113"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="120"/>
        <source>Exporter le bilan</source>
        <translation>Export the activity report</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="128"/>
        <source>Secret statistique…</source>
        <translation>Statistical confidentiality…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="128"/>
        <source>Écriture du bilan…</source>
        <translation>Writing the activity report…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="130"/>
        <source>Export du bilan…</source>
        <translation>Exporting the activity report…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="155"/>
        <source>Export annulé : aucun fichier n&apos;a été écrit.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="164"/>
        <source>L&apos;export du bilan n&apos;a pas abouti ({error}).</source>
        <translation>The activity report export did not complete ({error}).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="121"/>
        <source>« {name} » existe déjà dans ce dossier. Le remplacer par ce bilan ?</source>
        <translation>“{name}” already exists in this folder. Replace it with this activity report?</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="122"/>
        <source>&amp;Remplacer</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/export.py" line="158"/>
        <source>Le bilan n&apos;a pas pu être écrit dans « {path} » : {reason}. Aucun fichier incomplet n&apos;y a été laissé. Choisissez un autre dossier, ou fermez le fichier s&apos;il est ouvert dans un tableur.</source>
        <translation>The activity report could not be written to “{path}”: {reason}. No incomplete file was left there. Choose another folder, or close the file if it is open in a spreadsheet.</translation>
    </message>
</context>
<context>
    <name>BookingController</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_controller.py" line="110"/>
        <source>L&apos;orientation n&apos;a pas pu être enregistrée. Réessayez dans un instant ; si le problème continue, notez l&apos;adresse du service pour la personne.</source>
        <translation>The referral could not be saved. Try again in a moment; if the problem persists, write down the service&apos;s address for the person.</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="70"/>
        <source>Orienter vers ce service</source>
        <translation>Refer to this service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="73"/>
        <source>&amp;Information : l&apos;adresse est remise à la personne</source>
        <translation>&amp;Information only: the person is given the address</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="75"/>
        <source>&amp;Rendez-vous pris pour la personne</source>
        <translation>&amp;Appointment booked for the person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="81"/>
        <source>Données personnelles</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="98"/>
        <source>Jour de la semaine du rendez-vous</source>
        <translation>Day of the week of the appointment</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="103"/>
        <source>Date du rendez-vous</source>
        <translation>Appointment date</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="105"/>
        <source>Tapez le jour puis le mois (1203 : 12 mars) ; Alt+Bas : calendrier.</source>
        <translation>Type the day then the month (1203: 12 March); Alt+Down: calendar.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="107"/>
        <source>Heure du rendez-vous</source>
        <translation>Appointment time</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="108"/>
        <source>Tapez l&apos;heure et les minutes : 1430 pour 14 h 30.</source>
        <translation>Type the hours and minutes: 1430 for 14:30.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="125"/>
        <source>&amp;Enregistrer l&apos;orientation</source>
        <translation>&amp;Save referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="126"/>
        <source>Enregistrer l&apos;orientation</source>
        <translation>Save the referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="128"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="129"/>
        <source>Annuler sans rien enregistrer</source>
        <translation>Cancel without saving anything</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="136"/>
        <source>L&apos;heure choisie est comparée aux horaires d&apos;ouverture du service.</source>
        <translation>The chosen time is checked against the service&apos;s opening hours.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="140"/>
        <source>La personne a donné son accord : son nom peut figurer sur la fiche de liaison et être communiqué au service.</source>
        <translation>The person has consented: their name may appear on the referral slip and be passed on to the service.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="145"/>
        <source>Pas de consentement enregistré : aucune donnée personnelle n&apos;est transmise ni imprimée, la fiche de liaison reste anonyme. Pour prendre un rendez-vous au nom de la personne, recueillez d&apos;abord son accord dans l&apos;écran Accueil.</source>
        <translation>No consent recorded: no personal data is passed on or printed, and the referral slip stays anonymous. To book an appointment in the person&apos;s name, first obtain their consent on the Front desk screen.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="152"/>
        <source>Service choisi</source>
        <translation>Chosen service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="156"/>
        <source>Horaires d&apos;ouverture du service</source>
        <translation>The service&apos;s opening hours</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="159"/>
        <source>Service :</source>
        <translation>Service:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="160"/>
        <source>Horaires :</source>
        <translation>Opening hours:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="161"/>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="163"/>
        <source>&amp;Heure :</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="172"/>
        <source>Type d&apos;orientation</source>
        <translation>Kind of referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="198"/>
        <source>Le {day} est à plus d&apos;un an : vérifiez l&apos;année (un rendez-vous se prend au plus un an à l&apos;avance).</source>
        <translation>{day} is more than a year ahead: check the year (appointments are booked at most a year ahead).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="214"/>
        <source>Ce moment est déjà passé : choisissez une date à venir.</source>
        <translation>This time has already passed: choose a future date.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="219"/>
        <source>aucune ouverture connue dans les deux semaines qui suivent.</source>
        <translation>no known opening in the next two weeks.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="221"/>
        <source>il ouvre le {moment}.</source>
        <translation>it opens on {moment}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="222"/>
        <source>Le service est fermé à ce moment : {detail}</source>
        <translation>The service is closed at that time: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="250"/>
        <source>Horaires non renseignés ou incertains : confirmez l&apos;heure avec le service.</source>
        <translation>Opening hours missing or uncertain: confirm the time with the service.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="252"/>
        <source>Le service est ouvert à ce moment.</source>
        <translation>The service is open at that time.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="266"/>
        <source>Vérifier le rendez-vous</source>
        <translation>Check the appointment</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="267"/>
        <source>{problem}

Garder ce moment quand même ?</source>
        <translation>{problem}

Keep this time anyway?</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="270"/>
        <source>&amp;Garder ce moment</source>
        <translation>&amp;Keep this time</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="271"/>
        <source>&amp;Changer l&apos;heure</source>
        <translation>&amp;Change the time</translation>
    </message>
</context>
<context>
    <name>Breadcrumb</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/breadcrumb.py" line="17"/>
        <source>◀ Retour</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/breadcrumb.py" line="21"/>
        <source>Revenir au chiffre précédent (Alt+←)</source>
        <translation>Go back to the previous figure (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/breadcrumb.py" line="25"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/breadcrumb.py" line="27"/>
        <source>Chemin du détail</source>
        <translation>Detail path</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/breadcrumb.py" line="47"/>
        <source>Détail affiché</source>
        <translation>Detail shown</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/breadcrumb.py" line="64"/>
        <source>Revenir à : {title}</source>
        <translation>Go back to: {title}</translation>
    </message>
</context>
<context>
    <name>BreakdownChart</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/charts.py" line="118"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/charts.py" line="322"/>
        <source>{label}&#xa0;: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/charts.py" line="121"/>
        <source> ; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>BreakdownPage</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/pages.py" line="155"/>
        <source>Tableau du détail</source>
        <translation>Detail table</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/pages.py" line="156"/>
        <source>Entrée sur une ligne : son détail</source>
        <translation>Enter on a row: its detail</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/pages.py" line="160"/>
        <source>Note du tableau</source>
        <translation>Table note</translation>
    </message>
</context>
<context>
    <name>BreakdownTableModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/models.py" line="51"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/models.py" line="114"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/models.py" line="53"/>
        <source>Part</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/models.py" line="105"/>
        <source>Entrée : le détail de cette ligne</source>
        <translation>Enter: the detail of this row</translation>
    </message>
</context>
<context>
    <name>BreakdownTreeModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/models.py" line="188"/>
        <source>Tableau</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/models.py" line="188"/>
        <source>Nombre</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>BundleImport</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="71"/>
        <source>Aucun envoi à importer : aucun fichier .spro-bundle n&apos;a été trouvé.</source>
        <translation>No bundle to import: no .spro-bundle file was found.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="76"/>
        <source>{n} envoi accepté</source>
        <translation>{n} bundle accepted</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="77"/>
        <source>{n} envois acceptés</source>
        <translation>{n} bundles accepted</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="81"/>
        <source>{n} refusé</source>
        <translation>{n} refused</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="82"/>
        <source>{n} refusés</source>
        <translation>{n} refused</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="86"/>
        <source>{n} événement nouveau</source>
        <translation>{n} new event</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="87"/>
        <source>{n} événements nouveaux</source>
        <translation>{n} new events</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="91"/>
        <source>{n} déjà reçu</source>
        <translation>{n} already received</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="92"/>
        <source>{n} déjà reçus</source>
        <translation>{n} already received</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="94"/>
        <source>{accepted}, {refused} : {events}, {duplicates}.</source>
        <translation>{accepted}, {refused}: {events}, {duplicates}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="100"/>
        <source>{n} alerte</source>
        <translation>{n} alert</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="101"/>
        <source>{n} alertes</source>
        <translation>{n} alerts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="103"/>
        <source>{alerts} à examiner dans l&apos;écran Alertes.</source>
        <translation>{alerts} to review in the Alerts screen.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="109"/>
        <source>{n} fichier n&apos;a pas été importé</source>
        <translation>{n} file was not imported</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="110"/>
        <source>{n} fichiers n&apos;ont pas été importés</source>
        <translation>{n} files were not imported</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="112"/>
        <source>Import interrompu : {skipped} ; relancez l&apos;import pour terminer (un envoi déjà reçu n&apos;est jamais compté deux fois).</source>
        <translation>Import interrupted: {skipped}; start the import again to finish (a bundle already received is never counted twice).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="123"/>
        <source>{file} : {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
</context>
<context>
    <name>BundleImportController</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="25"/>
        <source>Import de {n} envoi…</source>
        <translation>Importing {n} bundle…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="25"/>
        <source>Import de {n} envois…</source>
        <translation>Importing {n} bundles…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="31"/>
        <source>Import du dossier « {name} »…</source>
        <translation>Importing the folder “{name}”…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="47"/>
        <source>Import des envois : {done} sur {total}</source>
        <translation>Importing bundles: {done} of {total}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="54"/>
        <source>Le dossier ou les fichiers n&apos;ont pas pu être lus ({error}).</source>
        <translation>The folder or the files could not be read ({error}).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundle_import.py" line="59"/>
        <source>L&apos;import s&apos;est arrêté sur une erreur inattendue ({error}). Les envois déjà importés sont conservés ; les autres n&apos;ont pas été modifiés.</source>
        <translation>The import stopped on an unexpected error ({error}). The bundles already imported are kept; the others have not been changed.</translation>
    </message>
</context>
<context>
    <name>BundleModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="169"/>
        <source>Poste</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="170"/>
        <source>N° d&apos;envoi</source>
        <translation>Bundle no.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="171"/>
        <source>Événements</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="172"/>
        <source>Reçu le</source>
        <translation>Received on</translation>
    </message>
</context>
<context>
    <name>BundlesScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/__init__.py" line="49"/>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="36"/>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="62"/>
        <source>Envois reçus</source>
        <translation>Received bundles</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="37"/>
        <source>Les plus récents d&apos;abord ; cliquez un en-tête pour trier.</source>
        <translation>Most recent first; click a header to sort.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="41"/>
        <source>Résumé des envois reçus</source>
        <translation>Summary of received bundles</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="42"/>
        <source>Compte rendu du dernier import</source>
        <translation>Report of the last import</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="46"/>
        <source>&amp;Importer des envois…</source>
        <translation>&amp;Import bundles…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="48"/>
        <source>Importer des fichiers d&apos;envoi (.spro-bundle) reçus des postes</source>
        <translation>Import bundle files (.spro-bundle) received from the desks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="52"/>
        <source>Importer un &amp;dossier de dépôt…</source>
        <translation>Import a &amp;drop folder…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="54"/>
        <source>Importer tous les envois (.spro-bundle) d&apos;un dossier : clé USB, partage…</source>
        <translation>Import all the bundles (.spro-bundle) in a folder: USB stick, shared folder…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="77"/>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="120"/>
        <source>Importer des envois</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="106"/>
        <source>Aucun envoi reçu pour l&apos;instant.</source>
        <translation>No bundles received yet.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="108"/>
        <source>{n} envoi reçu</source>
        <translation>{n} bundle received</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="108"/>
        <source>{n} envois reçus</source>
        <translation>{n} bundles received</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="110"/>
        <source>de {n} poste</source>
        <translation>from {n} desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="110"/>
        <source>de {n} postes</source>
        <translation>from {n} desks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="122"/>
        <source>Envois SPRO Desk (*.spro-bundle);;Tous les fichiers (*)</source>
        <translation>SPRO Desk bundles (*.spro-bundle);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="129"/>
        <source>Importer un dossier de dépôt</source>
        <translation>Import a drop folder</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/bundles_screen.py" line="148"/>
        <source>Fichiers refusés (rien n&apos;en a été importé) :</source>
        <translation>Files refused (nothing was imported from them):</translation>
    </message>
</context>
<context>
    <name>CallCard</name>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="31"/>
        <source>La personne a-t-elle pu joindre {where} ({service}) ? H : oui, c&apos;est fait ; A : elle n&apos;ira pas.</source>
        <translation>Did the person manage to reach {where} ({service})? H: yes, done; A: they will not go.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="36"/>
        <source>{date} à {time}</source>
        <translation>{date} at {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="41"/>
        <source>Le rendez-vous du {when} chez {where} a-t-il eu lieu ? H : honoré, N : non honoré, A : annulé.</source>
        <translation>Did the appointment on {when} with {where} take place? H: attended, N: not attended, A: cancelled.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="46"/>
        <source>Rappeler le rendez-vous du {when} chez {where} ; vérifier qu&apos;il tient toujours.</source>
        <translation>Remind the person of the appointment on {when} with {where}; check that it still stands.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="60"/>
        <source>Appel</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="62"/>
        <source>&amp;Liste d&apos;appels : seulement les personnes d&apos;accord pour être rappelées</source>
        <translation>Ca&amp;ll list: only people who agreed to be called back</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="65"/>
        <source>Personne à appeler</source>
        <translation>Person to call</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="67"/>
        <source>Téléphone à appeler</source>
        <translation>Phone number to call</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="68"/>
        <source>Ce qu&apos;il faut demander</source>
        <translation>What to ask</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="71"/>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="72"/>
        <source>Téléphone :</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="73"/>
        <source>À demander :</source>
        <translation>To ask:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="90"/>
        <source>Liste d&apos;appels</source>
        <translation>Call list</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="93"/>
        <source>Alt+L. Chaque affichage d&apos;un nom et d&apos;un téléphone est inscrit au journal d&apos;accès.</source>
        <translation>Alt+L. Each display of a name and phone number is written to the access log.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="111"/>
        <source>Réservé à un autre rôle : le vôtre (« {role} ») ne le permet pas.</source>
        <translation>Reserved for another role: yours (“{role}”) does not allow it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="74"/>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="75"/>
        <source>Effacer les données de cette personne</source>
        <translation>Erase this person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/call_card.py" line="78"/>
        <source>Si la personne retire son accord (Ctrl+Maj+Suppr) : son nom, son téléphone, son courriel et la note sont effacés ; l&apos;orientation reste suivie, sans identité.</source>
        <translation>If the person withdraws their consent (Ctrl+Shift+Del): their name, phone, e-mail and note are erased; the referral is still followed up, without identity.</translation>
    </message>
</context>
<context>
    <name>CommuneField</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/commune_field.py" line="64"/>
        <source>Nom ou code postal</source>
        <translation>Name or postcode</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/commune_field.py" line="192"/>
        <source>Aucune commune ne correspond à ce texte.</source>
        <translation>No municipality matches this text.</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/confirm.py" line="24"/>
        <location filename="../../src/spro_desk/ui/common/confirm.py" line="49"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/confirm.py" line="74"/>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/confirm.py" line="45"/>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/confirm.py" line="48"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/confirm.py" line="52"/>
        <source>&amp;Fermer sans enregistrer</source>
        <translation>&amp;Close without saving</translation>
    </message>
</context>
<context>
    <name>ConsentBox</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="25"/>
        <source>Coordonnées (seulement avec l&apos;accord de la personne)</source>
        <translation>Contact details (only with the person&apos;s consent)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="26"/>
        <source>La personne c&amp;onsent à ce texte :</source>
        <translation>The person c&amp;onsents to this text:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="45"/>
        <source>&amp;Nom :</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="46"/>
        <source>Télé&amp;phone :</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="47"/>
        <source>Courr&amp;iel :</source>
        <translation>Emai&amp;l:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="48"/>
        <source>No&amp;te :</source>
        <translation>No&amp;te:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="61"/>
        <source>Cochez seulement si la personne accepte le texte affiché ; les coordonnées ne peuvent être saisies qu&apos;ensuite. Décocher efface les coordonnées.</source>
        <translation>Tick only if the person accepts the text shown; contact details can be entered only after that. Unticking clears the contact details.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="66"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="67"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="68"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="69"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="73"/>
        <source>Donnée personnelle : saisie possible après consentement.</source>
        <translation>Personal data: can be entered after consent.</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="48"/>
        <source>Une touche : S, E, A, J, D…</source>
        <translation>One key: S, E, A, J, D…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="53"/>
        <source>Nom ou code postal…</source>
        <translation>Name or postcode…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="69"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="70"/>
        <source>non renseignée</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="96"/>
        <source>L&apos;essentiel</source>
        <translation>Essentials</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="98"/>
        <source>&amp;Statut :</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="99"/>
        <source>&amp;Besoins :</source>
        <translation>&amp;Needs:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="100"/>
        <source>&amp;Réponses :</source>
        <translation>&amp;Responses:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="104"/>
        <source>La personne (facultatif)</source>
        <translation>The person (optional)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="106"/>
        <source>Tranche d&apos;â&amp;ge :</source>
        <translation>Age &amp;band:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="107"/>
        <source>Se&amp;xe :</source>
        <translation>Se&amp;x:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="108"/>
        <source>&amp;Handicap :</source>
        <translation>&amp;Disability:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="109"/>
        <source>Co&amp;mmune :</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="113"/>
        <source>Le contact</source>
        <translation>The contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="115"/>
        <source>&amp;Canal :</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="116"/>
        <source>&amp;Lieu :</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="117"/>
        <source>Date et he&amp;ure :</source>
        <translation>Date and t&amp;ime:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="118"/>
        <source>&amp;Durée :</source>
        <translation>D&amp;uration:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="169"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="170"/>
        <source>Tranche d&apos;âge</source>
        <translation>Age band</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="171"/>
        <source>Sexe (déclaré, facultatif)</source>
        <translation>Sex (self-declared, optional)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="172"/>
        <source>Situation de handicap</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="173"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="177"/>
        <source>Une touche choisit : %s</source>
        <translation>One key chooses: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="179"/>
        <source>Réponses données</source>
        <translation>Responses given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="181"/>
        <source>Une touche coche ou décoche : %s</source>
        <translation>One key ticks or unticks: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="184"/>
        <source>Commune de résidence</source>
        <translation>Municipality of residence</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="186"/>
        <source>Tapez le nom (accents facultatifs) ou le code postal, puis Entrée.</source>
        <translation>Type the name (accents optional) or the postcode, then Enter.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="188"/>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="191"/>
        <source>Lieu de la permanence</source>
        <translation>Outreach venue</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="192"/>
        <source>Actif seulement pour le canal Permanence.</source>
        <translation>Only for the Outreach session channel.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="193"/>
        <source>Date et heure du contact</source>
        <translation>Contact date and time</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="195"/>
        <source>Par défaut, l&apos;heure de l&apos;enregistrement ; modifiable pour une saisie tardive.</source>
        <translation>By default, the time of saving; change it when recording later.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="197"/>
        <source>Durée en minutes</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="198"/>
        <source>Facultative ; 0 signifie non renseignée.</source>
        <translation>Optional; 0 means not given.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="383"/>
        <source>Modification du contact de %s.</source>
        <translation>Editing the contact at %s.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="356"/>
        <source>Ses coordonnées enregistrées restent inchangées.</source>
        <translation>Their saved contact details stay unchanged.</translation>
    </message>
</context>
<context>
    <name>CoordinatorDashboardScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/__init__.py" line="51"/>
        <location filename="../../src/spro_desk/ui/coordination/dashboard_screen.py" line="40"/>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
</context>
<context>
    <name>CoordinatorExports</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="30"/>
        <source>Produire les &amp;accusés de réception…</source>
        <translation>Write the &amp;acknowledgements…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="33"/>
        <source>Écrire un accusé de réception signé par poste, à renvoyer à chaque site</source>
        <translation>Write a signed acknowledgement for each desk, to send back to each site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="36"/>
        <source>Exporter l&apos;&amp;identité du coordinateur…</source>
        <translation>Export the coordinator&apos;s &amp;identity…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="38"/>
        <source>Le fichier que chaque poste importe une fois pour chiffrer ses envois</source>
        <translation>The file each desk imports once to encrypt its bundles</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="49"/>
        <source>Dossier des accusés de réception</source>
        <translation>Acknowledgements folder</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="67"/>
        <source>{n} accusé de réception écrit</source>
        <translation>{n} acknowledgement written</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="68"/>
        <source>{n} accusés de réception écrits</source>
        <translation>{n} acknowledgements written</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="72"/>
        <source>{files} dans « {folder} » : envoyez à chaque site le fichier qui porte l&apos;identifiant de son poste.</source>
        <translation>{files} in “{folder}”: send each site the file bearing its desk&apos;s identifier.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="82"/>
        <source>Exporter l&apos;identité du coordinateur</source>
        <translation>Export the coordinator&apos;s identity</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="84"/>
        <source>Identité de coordinateur (*.json)</source>
        <translation>Coordinator identity (*.json)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="102"/>
        <source>Identité écrite dans « {path} » : chaque site l&apos;importe une fois (spro-desk desk trust-coordinator).</source>
        <translation>Identity written to “{path}”: each site imports it once (spro-desk desk trust-coordinator).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="115"/>
        <source>Le fichier n&apos;a pas pu être écrit ({error}) : choisissez un autre dossier.</source>
        <translation>The file could not be written ({error}): choose another folder.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="119"/>
        <source>L&apos;export n&apos;a pas abouti ({error}).</source>
        <translation>The export did not complete ({error}).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/exports.py" line="120"/>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="81"/>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="82"/>
        <source>Écrans de la coordination</source>
        <translation>Coordination screens</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="90"/>
        <source>Barre d&apos;état</source>
        <translation>Status bar</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="102"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="106"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="115"/>
        <source>Co&amp;llecte</source>
        <translation>Co&amp;llection</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="117"/>
        <source>&amp;Aller à</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="122"/>
        <source>Afficher l&apos;écran %s</source>
        <translation>Show the %s screen</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="140"/>
        <source>Connecté·e : {name} ({role})</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="144"/>
        <source>Compte connecté</source>
        <translation>Signed-in account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/window.py" line="180"/>
        <source>SPRO Desk — Coordination — %s</source>
        <translation>SPRO Desk — Coordination — %s</translation>
    </message>
</context>
<context>
    <name>DashboardData</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="99"/>
        <source>Année précédente : {n}</source>
        <translation>Previous year: {n}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="104"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="258"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="282"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="305"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="112"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="352"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="381"/>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="120"/>
        <source>Orientations par contact</source>
        <translation>Referrals per contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="164"/>
        <source>{n} contacts orientés</source>
        <translation>{n} contacts referred</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="128"/>
        <source>Part orientée vers le niveau 2</source>
        <translation>Share referred to level 2</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="131"/>
        <source>rendez-vous honoré : {share}</source>
        <translation>appointment attended: {share}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="138"/>
        <source>Zones blanches (communes)</source>
        <translation>Unreached areas (municipalities)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="177"/>
        <source>sur {n} communes · {epci} EPCI sans contact</source>
        <translation>out of {n} municipalities · {epci} EPCI with no contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="150"/>
        <source>Postes en retard</source>
        <translation>Overdue desks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="153"/>
        <source>sur {n} postes</source>
        <translation>out of {n} desks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="163"/>
        <source>{n} contact orienté</source>
        <translation>{n} contact referred</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="170"/>
        <source>zone desservie à choisir dans Paramètres</source>
        <translation>choose the catchment area in Settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="174"/>
        <source>sur {n} commune · {epci} EPCI sans contact</source>
        <translation>out of {n} municipality · {epci} EPCI with no contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="225"/>
        <source>Poste non enregistré</source>
        <translation>Unregistered desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="256"/>
        <source>Contacts par réseau du site</source>
        <translation>Contacts by site network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="257"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="380"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="534"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="273"/>
        <source>Contacts par site</source>
        <translation>Contacts by site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="275"/>
        <source>Contacts par site — {network}</source>
        <translation>Contacts by site — {network}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="281"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="304"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="547"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="298"/>
        <source>Contacts par site — {canal}</source>
        <translation>Contacts by site — {canal}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="320"/>
        <source>Besoins par sous-thématique — {category}</source>
        <translation>Needs by sub-theme — {category}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="323"/>
        <source>Un contact peut avoir plusieurs sous-thématiques, et un besoin noté au niveau de la catégorie n&apos;en a aucune : la somme peut différer du total de la catégorie.</source>
        <translation>A contact may have several sub-themes, and a need recorded at category level has none: the sum may differ from the category total.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="345"/>
        <source>Issues des orientations — {network}</source>
        <translation>Referral outcomes — {network}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="351"/>
        <source>Issue</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="374"/>
        <source>Orientations « {outcome} » par réseau de destination</source>
        <translation>Referrals “{outcome}” by destination network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="419"/>
        <source> (jours)</source>
        <translation> (days)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="430"/>
        <source>Délais et continuité vers le niveau 2</source>
        <translation>Lead times and continuity towards level 2</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="431"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="480"/>
        <source>Indicateur</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="432"/>
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="440"/>
        <source>Communes du territoire</source>
        <translation>Municipalities in the area</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="443"/>
        <source>Communes d&apos;où vient au moins un contact</source>
        <translation>Municipalities with at least one contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="449"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="490"/>
        <source>Communes sans aucun contact (zones blanches)</source>
        <translation>Municipalities with no contact at all (unreached areas)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="453"/>
        <source>EPCI du territoire</source>
        <translation>EPCI in the area</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="456"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="501"/>
        <source>EPCI sans aucun contact</source>
        <translation>EPCI with no contact at all</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="462"/>
        <source>Contacts résidant hors du territoire</source>
        <translation>Contacts living outside the area</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="468"/>
        <source>Contacts sans commune renseignée</source>
        <translation>Contacts with no municipality given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="474"/>
        <source>Couverture du territoire : {territory}</source>
        <translation>Area coverage: {territory}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="481"/>
        <source>Nombre</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="491"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="492"/>
        <source>Code INSEE</source>
        <translation>INSEE code</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="502"/>
        <source>EPCI</source>
        <translation>EPCI</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="503"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="514"/>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="515"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="516"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="535"/>
        <source>Jours depuis le dernier envoi</source>
        <translation>Days since the last bundle</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="536"/>
        <source>Âge de l&apos;annuaire (jours)</source>
        <translation>Directory age (days)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="537"/>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="541"/>
        <source>Postes en retard (sans envoi depuis plus de {n} jours)</source>
        <translation>Overdue desks (no bundle for more than {n} days)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/data.py" line="545"/>
        <source>Postes : dernier envoi et âge de l&apos;annuaire</source>
        <translation>Desks: last bundle and directory age</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/app/screens.py" line="42"/>
        <location filename="../../src/spro_desk/ui/dashboard/screen.py" line="38"/>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="69"/>
        <source>E&amp;xporter le bilan…</source>
        <translation>E&amp;xport the activity report…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="70"/>
        <source>Exporter le bilan</source>
        <translation>Export the activity report</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="353"/>
        <source>Les chiffres affichés, en XLSX, CSV, PDF ou JSON, avec le secret statistique</source>
        <translation>The figures shown, as XLSX, CSV, PDF or JSON, with statistical confidentiality applied</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="73"/>
        <source>Chiffres affichés</source>
        <translation>Figures shown</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="356"/>
        <source>À l&apos;écran, les chiffres sont exacts. Tout export applique le secret statistique : un nombre inférieur à 5 est masqué (s), ainsi que ce qui permettrait de le recalculer.</source>
        <translation>On screen, the figures are exact. Every export applies statistical confidentiality: a number below 5 is masked (s), as is anything that would allow it to be worked out.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="74"/>
        <source>Secret statistique</source>
        <translation>Statistical confidentiality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="82"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="227"/>
        <source>Vue d&apos;ensemble</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="84"/>
        <source>Calcul des indicateurs…</source>
        <translation>Computing the indicators…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="265"/>
        <source>Rien sur la période.</source>
        <translation>Nothing in this period.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="271"/>
        <source>aucun envoi reçu</source>
        <translation>no bundle received</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="272"/>
        <source>{scope} · {filters} · données à jour au {fresh}</source>
        <translation>{scope} · {filters} · data as of {fresh}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="325"/>
        <source>Calcul annulé : les chiffres affichés restent ceux de la {shown}.</source>
        <translation>Computation cancelled: the figures shown are still those of the {shown}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="326"/>
        <source>Calcul annulé.</source>
        <translation>Computation cancelled.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="346"/>
        <source>Les chiffres affichés, en XLSX, CSV, PDF ou JSON, non masqués</source>
        <translation>The figures shown, as XLSX, CSV, PDF or JSON, unmasked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="348"/>
        <source>Les chiffres sont exacts. Le bilan exporté ici est le bilan interne du site, non masqué : le secret statistique s&apos;applique à ce que publie la coordination.</source>
        <translation>The figures are exact. The report exported here is the site&apos;s internal report, unmasked: statistical confidentiality applies to what the coordination publishes.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="378"/>
        <source>Bilan interne du site écrit dans « {path} » (chiffres non masqués).</source>
        <translation>Site&apos;s internal report written to “{path}” (figures not masked).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="381"/>
        <source>Bilan publié dans « {path} » : secret statistique vérifié avec les bilans déjà publiés pour la période, publication enregistrée et période close.</source>
        <translation>Bilan published in “{path}”: statistical secrecy checked together with the bilans already published for the period; publication recorded and period closed.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/view.py" line="385"/>
        <source>Bilan écrit dans « {path} », avec le secret statistique appliqué.</source>
        <translation>Activity report written to “{path}”, with statistical confidentiality applied.</translation>
    </message>
</context>
<context>
    <name>DashboardWords</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="32"/>
        <source>Contacts par semaine</source>
        <translation>Contacts by week</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="33"/>
        <source>Contacts par mois</source>
        <translation>Contacts by month</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="34"/>
        <source>Contacts par canal</source>
        <translation>Contacts by channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="35"/>
        <source>Contacts par statut</source>
        <translation>Contacts by status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="36"/>
        <source>Contacts par tranche d&apos;âge</source>
        <translation>Contacts by age band</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="37"/>
        <source>Contacts par sexe (mixité)</source>
        <translation>Contacts by sex (gender balance)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="38"/>
        <source>Contacts en situation de handicap</source>
        <translation>Contacts with a disability</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="39"/>
        <source>Contacts par sexe et tranche d&apos;âge</source>
        <translation>Contacts by sex and age band</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="40"/>
        <source>Contacts par commune de résidence</source>
        <translation>Contacts by municipality of residence</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="41"/>
        <source>Besoins par catégorie</source>
        <translation>Needs by category</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="42"/>
        <source>Besoins par sous-thématique</source>
        <translation>Needs by sub-theme</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="43"/>
        <source>Réponses apportées</source>
        <translation>Responses given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="44"/>
        <source>Orientations par type</source>
        <translation>Referrals by type</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="45"/>
        <source>Orientations par issue</source>
        <translation>Referrals by outcome</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="46"/>
        <source>Orientations par type et issue</source>
        <translation>Referrals by type and outcome</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="47"/>
        <source>Orientations par réseau de destination</source>
        <translation>Referrals by destination network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="50"/>
        <source>Orientations par réseau de destination et issue</source>
        <translation>Referrals by destination network and outcome</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="53"/>
        <source>Orientations par structure de destination</source>
        <translation>Referrals by destination organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="56"/>
        <source>Contacts par site et canal</source>
        <translation>Contacts by site and channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="57"/>
        <source>Contacts par mois, comparés à l&apos;année précédente</source>
        <translation>Contacts by month, compared with the previous year</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="64"/>
        <source>Un contact peut exprimer plusieurs besoins : la somme dépasse le nombre de contacts.</source>
        <translation>A contact may express several needs: the sum exceeds the number of contacts.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="71"/>
        <source>Un contact peut recevoir plusieurs réponses.</source>
        <translation>A contact may receive several responses.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="78"/>
        <source>Semaine</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="79"/>
        <source>Mois</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="80"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="81"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="82"/>
        <source>Tranche d&apos;âge</source>
        <translation>Age band</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="83"/>
        <source>Sexe</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="84"/>
        <source>Handicap</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="85"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="86"/>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="87"/>
        <source>Sous-thématique</source>
        <translation>Sub-theme</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="88"/>
        <source>Réponse</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="89"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="90"/>
        <source>Issue</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="91"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="92"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="93"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="94"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="113"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="95"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="114"/>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="96"/>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="97"/>
        <source>Même période, année précédente</source>
        <translation>Same period, previous year</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="106"/>
        <source>Sans suite</source>
        <translation>No follow-up</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="107"/>
        <source>En cours</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="115"/>
        <source>Contacts orientés</source>
        <translation>Contacts referred</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="116"/>
        <source>Orientations avec un rendez-vous daté</source>
        <translation>Referrals with a dated appointment</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="117"/>
        <source>Délai, premier quartile</source>
        <translation>Lead time, first quartile</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="118"/>
        <source>Délai médian entre le contact et le rendez-vous</source>
        <translation>Median lead time between the contact and the appointment</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="121"/>
        <source>Délai, troisième quartile</source>
        <translation>Lead time, third quartile</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="122"/>
        <source>Part des contacts orientés vers un service de niveau 2</source>
        <translation>Share of contacts referred to a level 2 service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="125"/>
        <source>Part des contacts dont le rendez-vous de niveau 2 a été honoré</source>
        <translation>Share of contacts whose level 2 appointment was attended</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="128"/>
        <source>Orientations par contact</source>
        <translation>Referrals per contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="147"/>
        <source>semaine du {date}</source>
        <translation>week of {date}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="159"/>
        <source>Non renseignée</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="161"/>
        <source>Autre réseau</source>
        <translation>Other network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="163"/>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="193"/>
        <source>Ce site</source>
        <translation>This site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="195"/>
        <source>Coordination régionale</source>
        <translation>Regional coordination</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="197"/>
        <source>territoire inconnu</source>
        <translation>unknown area</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="204"/>
        <source>Période du {start} au {end}</source>
        <translation>Period from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="209"/>
        <source>site {value}</source>
        <translation>site {value}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="210"/>
        <source>réseau {value}</source>
        <translation>network {value}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="211"/>
        <source>département {value}</source>
        <translation>département {value}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="212"/>
        <source>EPCI {value}</source>
        <translation>EPCI {value}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/words.py" line="213"/>
        <source>région {value}</source>
        <translation>region {value}</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dates.py" line="21"/>
        <source>fr_FR</source>
        <translation>en_GB</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dates.py" line="31"/>
        <source>1er</source>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dates.py" line="32"/>
        <source>{weekday} {day} {month} {year}</source>
        <translation>{weekday} {day} {month} {year}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dates.py" line="42"/>
        <source>{hour}&#xa0;h&#xa0;{minute}</source>
        <translation>{hour}:{minute}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dates.py" line="49"/>
        <source>{date} à {time}</source>
        <translation>{date} at {time}</translation>
    </message>
</context>
<context>
    <name>DeskModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="70"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="71"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="72"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="73"/>
        <source>Enregistré le</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="74"/>
        <source>Dernier envoi reçu</source>
        <translation>Last bundle received</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="75"/>
        <source>Sans envoi depuis</source>
        <translation>No bundle for</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="76"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="77"/>
        <source>Envois manquants</source>
        <translation>Missing bundles</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="84"/>
        <source>Révoqué</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="85"/>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="85"/>
        <source>À jour</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="107"/>
        <source>Aucun</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="109"/>
        <source>{a} à {b}</source>
        <translation>{a} to {b}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="112"/>
        <source>{n} : n° {runs}</source>
        <translation>{n}: no. {runs}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="116"/>
        <source>Aucun envoi</source>
        <translation>No bundle</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="117"/>
        <source>n° {seq} · {when}</source>
        <translation>no. {seq} · {when}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="123"/>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="124"/>
        <source>{n} jour</source>
        <translation>{n} day</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="124"/>
        <source>{n} jours</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/models.py" line="140"/>
        <source>{site}
Identifiant du poste : {id}</source>
        <translation>{site}
Desk ID: {id}</translation>
    </message>
</context>
<context>
    <name>DeskSetup</name>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/setup.py" line="38"/>
        <source>Renseignez d&apos;abord le nom et la commune du site dans Paramètres, puis revenez créer l&apos;identité du poste.</source>
        <translation>First enter the site&apos;s name and municipality in Settings, then come back to create the desk&apos;s identity.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/setup.py" line="54"/>
        <source>Identité du poste créée. Enregistrez maintenant le fichier d&apos;inscription.</source>
        <translation>Desk identity created. Now save the registration file.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/setup.py" line="60"/>
        <source>Enregistrer le fichier d&apos;inscription du poste</source>
        <translation>Save the desk&apos;s registration file</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/setup.py" line="62"/>
        <source>Inscription SPRO Desk (*.json)</source>
        <translation>SPRO Desk registration (*.json)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/setup.py" line="77"/>
        <source>Fichier d&apos;inscription enregistré : remettez-le à votre coordination.</source>
        <translation>Registration file saved: hand it to your coordination office.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/setup.py" line="83"/>
        <source>Importer l&apos;identité du coordinateur</source>
        <translation>Import the coordinator&apos;s identity</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/setup.py" line="85"/>
        <source>Identité du coordinateur (*.json);;Tous les fichiers (*)</source>
        <translation>Coordinator identity (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/setup.py" line="98"/>
        <source>Identité du coordinateur importée : les envois lui sont chiffrés.</source>
        <translation>Coordinator identity imported: bundles are encrypted for it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/setup.py" line="117"/>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation>The operation failed; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>DesksScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/__init__.py" line="48"/>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="76"/>
        <source>Postes</source>
        <translation>Desks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="63"/>
        <source>Résumé des postes</source>
        <translation>Desks summary</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="64"/>
        <source>Message de l&apos;écran Postes</source>
        <translation>Desks screen message</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="86"/>
        <source>Postes enregistrés</source>
        <translation>Registered desks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="88"/>
        <source>Les postes en retard d&apos;abord ; cliquez un en-tête pour trier. Suppr révoque le poste choisi, après confirmation.</source>
        <translation>Overdue desks first; click a header to sort. Del revokes the selected desk, after confirmation.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="100"/>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="102"/>
        <source>En retard après</source>
        <translation>Late after</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="104"/>
        <source>Un poste actif sans envoi depuis plus de ce nombre de jours est en retard.</source>
        <translation>An active desk with no bundle for more than this number of days is overdue.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="109"/>
        <source>&amp;Enregistrer un poste…</source>
        <translation>&amp;Register a desk…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="112"/>
        <source>Importer le fichier d&apos;enregistrement d&apos;un poste (spro-desk desk registration)</source>
        <translation>Import a desk&apos;s registration file (spro-desk desk registration)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="118"/>
        <source>&amp;Révoquer…</source>
        <translation>Re&amp;voke…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="123"/>
        <source>Refuser désormais les envois du poste choisi (poste perdu ou volé)</source>
        <translation>Refuse the selected desk&apos;s bundles from now on (desk lost or stolen)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="131"/>
        <source>Actions sur les postes</source>
        <translation>Desk actions</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="136"/>
        <source>En re&amp;tard après :</source>
        <translation>&amp;Late after:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="158"/>
        <source>Aucun poste enregistré : « Enregistrer un poste… » importe le fichier qu&apos;un site produit avec « spro-desk desk registration ».</source>
        <translation>No desks registered: “Register a desk…” imports the file a site produces with “spro-desk desk registration”.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="164"/>
        <source>{n} poste enregistré</source>
        <translation>{n} desk registered</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="164"/>
        <source>{n} postes enregistrés</source>
        <translation>{n} desks registered</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="167"/>
        <source>{n} en retard</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="170"/>
        <source>{n} révoqué</source>
        <translation>{n} revoked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="170"/>
        <source>{n} révoqués</source>
        <translation>{n} revoked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="173"/>
        <source>{desks} : {late}, {revoked}.</source>
        <translation>{desks}: {late}, {revoked}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="207"/>
        <source>Enregistrer un poste</source>
        <translation>Register a desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="209"/>
        <source>Enregistrement de poste (*.json);;Tous les fichiers (*)</source>
        <translation>Desk registration (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="229"/>
        <source>Le poste « {site} » était déjà enregistré : rien n&apos;a changé.</source>
        <translation>The desk “{site}” was already registered: nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="232"/>
        <source>Poste « {site} » enregistré. Ses envois seront acceptés dès qu&apos;il aura importé l&apos;identité de la coordination.</source>
        <translation>Desk “{site}” registered. Its bundles will be accepted once it has imported the coordination&apos;s identity.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="246"/>
        <source>Choisissez d&apos;abord un poste actif dans la liste.</source>
        <translation>First choose an active desk in the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="250"/>
        <source>Révoquer un poste</source>
        <translation>Revoke a desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="252"/>
        <source>&amp;Révoquer ce poste</source>
        <translation>&amp;Revoke this desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="259"/>
        <source>Révoquer le poste « {site} » ({reseau}, {commune}) ?

Ses envois seront refusés à partir de maintenant ; ce qui a déjà été reçu est conservé. À faire seulement pour un poste perdu, volé ou remplacé : pour l&apos;accepter à nouveau, le site devra créer une nouvelle identité et se faire enregistrer.

Identifiant du poste : {id}</source>
        <translation>Revoke the desk “{site}” ({reseau}, {commune})?

Its bundles will be refused from now on; what has already been received is kept. Only do this for a lost, stolen or replaced desk: to be accepted again, the site will have to create a new identity and get registered.

Desk ID: {id}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="277"/>
        <source>Révocation abandonnée : le poste reste actif.</source>
        <translation>Revocation abandoned: the desk stays active.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="288"/>
        <source>Poste « {site} » révoqué : ses prochains envois seront refusés.</source>
        <translation>Desk “{site}” revoked: its next bundles will be refused.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/desks_screen.py" line="306"/>
        <source>L&apos;opération n&apos;a pas abouti ({error}) : rien n&apos;a été modifié.</source>
        <translation>The operation did not complete ({error}): nothing was changed.</translation>
    </message>
</context>
<context>
    <name>DirectoryFetchController</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_fetch.py" line="62"/>
        <source>Téléchargement de l&apos;annuaire data·inclusion…</source>
        <translation>Downloading the data·inclusion directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_fetch.py" line="69"/>
        <source>Le dossier de téléchargement n&apos;a pas pu être écrit ({error}). Les pages déjà reçues sont conservées.</source>
        <translation>The download folder could not be written ({error}). The pages already received are kept.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_fetch.py" line="74"/>
        <source>Le téléchargement s&apos;est arrêté sur une erreur inattendue ({error}). L&apos;annuaire publié aux postes n&apos;a pas changé.</source>
        <translation>The download stopped on an unexpected error ({error}). The directory published to the desks has not changed.</translation>
    </message>
</context>
<context>
    <name>DirectoryFilterBar</name>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="71"/>
        <source>&amp;Ouvert maintenant</source>
        <translation>&amp;Open now</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="72"/>
        <source>À &amp;distance possible</source>
        <translation>&amp;Remote possible</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="73"/>
        <source>&amp;Effacer les filtres</source>
        <translation>&amp;Clear filters</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="85"/>
        <source>Toutes les thématiques</source>
        <translation>All themes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="87"/>
        <source>Tous les réseaux</source>
        <translation>All networks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="93"/>
        <source>Tous les publics</source>
        <translation>All audiences</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="94"/>
        <source>Publics (data·inclusion)</source>
        <translation>Audiences (data·inclusion)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="97"/>
        <source>Statuts des visiteurs</source>
        <translation>Visitor statuses</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="105"/>
        <source>Filtrer par commune</source>
        <translation>Filter by municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="106"/>
        <source>Services accessibles aux habitants de la commune choisie.</source>
        <translation>Services open to residents of the chosen municipality.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="109"/>
        <source>Filtrer par thématique</source>
        <translation>Filter by theme</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="110"/>
        <source>Tapez une partie du nom de la thématique pour la trouver.</source>
        <translation>Type part of the theme&apos;s name to find it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="112"/>
        <source>Filtrer par public</source>
        <translation>Filter by audience</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="112"/>
        <source>Public ou statut accueilli.</source>
        <translation>Audience or status served.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="113"/>
        <source>Filtrer par réseau</source>
        <translation>Filter by network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="113"/>
        <source>Réseau de la structure.</source>
        <translation>The organisation&apos;s network.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="115"/>
        <source>Ouvert maintenant</source>
        <translation>Open now</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="116"/>
        <source>Seulement les services ouverts à l&apos;heure actuelle.</source>
        <translation>Only services open right now.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="119"/>
        <source>À distance possible</source>
        <translation>Remote possible</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="120"/>
        <source>Seulement les services qui accueillent aussi à distance.</source>
        <translation>Only services that also work remotely.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="123"/>
        <source>Effacer les filtres</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="124"/>
        <source>Retire tous les filtres ; le texte recherché est conservé.</source>
        <translation>Removes all filters; the search text is kept.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="140"/>
        <source>&amp;Commune</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="141"/>
        <source>&amp;Thématique</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="142"/>
        <source>&amp;Public</source>
        <translation>&amp;Audience</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/filter_bar.py" line="143"/>
        <source>&amp;Réseau</source>
        <translation>&amp;Network</translation>
    </message>
</context>
<context>
    <name>DirectoryImportController</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/import_flow.py" line="64"/>
        <source>Chargement de l&apos;annuaire d&apos;exemple…</source>
        <translation>Loading the sample directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/import_flow.py" line="67"/>
        <source>Import de «&#xa0;{name}&#xa0;»…</source>
        <translation>Importing “{name}”…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/import_flow.py" line="116"/>
        <source>L&apos;import a échoué à cause d&apos;une erreur inattendue ({error}). L&apos;annuaire actuel est conservé.</source>
        <translation>The import failed because of an unexpected error ({error}). The current directory is kept.</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="59"/>
        <source>L&apos;annuaire des partenaires</source>
        <translation>The partner directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="62"/>
        <source>L&apos;annuaire sert à chercher une structure et à orienter. Il se remplace à tout moment par un plus récent (Fichier &gt; Importer un annuaire).</source>
        <translation>The directory is used to look up an organisation and to refer people. It can be replaced at any time by a more recent one (File &gt; Import a directory).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="66"/>
        <source>L&apos;annuaire d&apos;&amp;exemple (pour essayer ou se former)</source>
        <translation>The &amp;sample directory (to try things out or for training)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="67"/>
        <source>Un e&amp;xport data·inclusion (dossier ou archive .zip)</source>
        <translation>A data·inclusion e&amp;xport (folder or .zip archive)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="68"/>
        <source>L&apos;annuaire publié par la c&amp;oordination</source>
        <translation>The directory published by the c&amp;oordination office</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="69"/>
        <source>Plus &amp;tard</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="75"/>
        <source>Export data·inclusion</source>
        <translation>data·inclusion export</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="76"/>
        <source>Choisir un export data·inclusion</source>
        <translation>Choose a data·inclusion export</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="78"/>
        <source>Export data·inclusion (*.zip structures.json services.json);;Tous les fichiers (*)</source>
        <translation>data·inclusion export (*.zip structures.json services.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="82"/>
        <source>Annuaire publié par la coordination</source>
        <translation>Directory published by the coordination office</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="83"/>
        <source>Choisir l&apos;annuaire de la coordination</source>
        <translation>Choose the coordination office&apos;s directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="84"/>
        <source>Tous les fichiers (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="87"/>
        <source>Identité de la coordination</source>
        <translation>Coordination office identity</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="88"/>
        <source>Choisir le fichier d&apos;identité de la coordination</source>
        <translation>Choose the coordination office&apos;s identity file</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="89"/>
        <source>Identité de la coordination (*.json);;Tous les fichiers (*)</source>
        <translation>Coordination office identity (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="103"/>
        <source>&amp;Fichier de l&apos;annuaire :</source>
        <translation>Director&amp;y file:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="104"/>
        <source>&amp;Identité de la coordination :</source>
        <translation>Coordination office &amp;identity:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="118"/>
        <source>La coordination remet deux fichiers (clé USB, messagerie) : l&apos;annuaire signé et son identité, qui permet au poste de vérifier la signature.</source>
        <translation>The coordination office provides two files (USB stick, email): the signed directory and its identity, which lets the desk check the signature.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="168"/>
        <source>Fichier introuvable : {path}. Vérifiez le chemin.</source>
        <translation>File not found: {path}. Check the path.</translation>
    </message>
</context>
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="51"/>
        <source>Annuaire des partenaires</source>
        <translation>Partner directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="56"/>
        <source>&amp;Importer un annuaire…</source>
        <translation>&amp;Import a directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="59"/>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="70"/>
        <source>Annuler l&apos;import</source>
        <translation>Cancel the import</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="68"/>
        <source>Importer un annuaire</source>
        <translation>Import a directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="69"/>
        <source>Progression de l&apos;import</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="74"/>
        <source>Remplace l&apos;annuaire par un export data·inclusion (dossier ou archive .zip).</source>
        <translation>Replaces the directory with a data·inclusion export (folder or .zip archive).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="77"/>
        <source>Arrête l&apos;import ; l&apos;annuaire actuel est conservé.</source>
        <translation>Stops the import; the current directory is kept.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="82"/>
        <source>Source :</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="83"/>
        <source>Importé le :</source>
        <translation>Imported on:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="84"/>
        <source>Fiches mises à jour :</source>
        <translation>Records updated:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="85"/>
        <source>Contenu :</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="99"/>
        <source>Aucun import</source>
        <translation>No import yet</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="103"/>
        <source>Annuaire vide</source>
        <translation>Empty directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="112"/>
        <source>{n} ligne rejetée</source>
        <translation>{n} row rejected</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="112"/>
        <source>{n} lignes rejetées</source>
        <translation>{n} rows rejected</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="116"/>
        <source>{n} avertissement</source>
        <translation>{n} warning</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="116"/>
        <source>{n} avertissements</source>
        <translation>{n} warnings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="130"/>
        <source>la plus récente le {newest}{age}, la plus ancienne le {oldest}</source>
        <translation>newest on {newest}{age}, oldest on {oldest}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="148"/>
        <source> (aujourd&apos;hui)</source>
        <translation> (today)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="150"/>
        <source> (hier)</source>
        <translation> (yesterday)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="151"/>
        <source> (il y a {n} jours)</source>
        <translation> ({n} days ago)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="192"/>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="198"/>
        <source>Import annulé : l&apos;annuaire actuel est conservé.</source>
        <translation>Import cancelled: the current directory is kept.</translation>
    </message>
</context>
<context>
    <name>DirectoryPublishController</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_fetch.py" line="89"/>
        <source>Vérification et signature de l&apos;annuaire…</source>
        <translation>Checking and signing the directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_fetch.py" line="96"/>
        <source>L&apos;annuaire téléchargé n&apos;a pas pu être lu ({error}). Téléchargez-le à nouveau ; rien n&apos;a été publié.</source>
        <translation>The downloaded directory could not be read ({error}). Download it again; nothing was published.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_fetch.py" line="101"/>
        <source>La mise à jour n&apos;a pas pu être écrite ({error}). Choisissez un autre dossier ; rien n&apos;a été publié.</source>
        <translation>The update could not be written ({error}). Choose another folder; nothing was published.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_fetch.py" line="106"/>
        <source>La publication s&apos;est arrêtée sur une erreur inattendue ({error}). Rien n&apos;a été publié.</source>
        <translation>Publishing stopped on an unexpected error ({error}). Nothing was published.</translation>
    </message>
</context>
<context>
    <name>DirectoryScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/__init__.py" line="54"/>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="56"/>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="62"/>
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="38"/>
        <source>Téléchargez l&apos;annuaire de la région depuis l&apos;API data·inclusion (adresse, jeton et région dans les Paramètres). Un téléchargement interrompu reprend où il s&apos;était arrêté ; l&apos;annuaire publié aux postes ne change qu&apos;à la publication, qui écrit une mise à jour signée à déposer sur le serveur ou sur une clé USB.</source>
        <translation>Download the region&apos;s directory from the data·inclusion API (address, token and region in Settings). An interrupted download resumes where it stopped; the directory published to the desks changes only when you publish, which writes a signed update to put on the server or on a USB stick.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="45"/>
        <source>Compte rendu du dernier téléchargement</source>
        <translation>Report of the last download</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="47"/>
        <source>&amp;Télécharger l&apos;annuaire</source>
        <translation>&amp;Download the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="50"/>
        <source>Télécharger l&apos;annuaire de la région depuis l&apos;API data·inclusion</source>
        <translation>Download the region&apos;s directory from the data·inclusion API</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="53"/>
        <source>&amp;Publier aux postes…</source>
        <translation>&amp;Publish to the desks…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="65"/>
        <source>A&amp;nnuaire</source>
        <translation>&amp;Directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="108"/>
        <source>Téléchargez d&apos;abord l&apos;annuaire en entier : il n&apos;y a rien à publier.</source>
        <translation>Download the whole directory first: there is nothing to publish.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="112"/>
        <source>Signer l&apos;annuaire téléchargé comme mise à jour pour les postes</source>
        <translation>Sign the downloaded directory as an update for the desks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="130"/>
        <source>Publier l&apos;annuaire aux postes</source>
        <translation>Publish the directory to the desks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="132"/>
        <source>Mise à jour de l&apos;annuaire (*.spro-directory)</source>
        <translation>Directory update (*.spro-directory)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="143"/>
        <source>Publier l&apos;annuaire</source>
        <translation>Publish the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="138"/>
        <source>Publier l&apos;annuaire téléchargé comme nouvelle version pour tous les postes ? Chaque poste le chargera à sa prochaine synchronisation (il vérifie d&apos;abord la signature). La publication est inscrite au journal.</source>
        <translation>Publish the downloaded directory as a new version for every desk? Each desk will load it at its next synchronisation (after checking its signature). The publication is written to the log.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="143"/>
        <source>&amp;Publier</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="162"/>
        <source>Annuaire téléchargé : {structures} structures et {services} services dans « {folder} ». Publiez-le aux postes (Ctrl+U) quand vous le souhaitez.</source>
        <translation>Directory downloaded: {structures} structures and {services} services in “{folder}”. Publish it to the desks (Ctrl+U) when you wish.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/directory_screen.py" line="169"/>
        <source>Annuaire publié : version {version}, {structures} structures et {services} services, valable jusqu&apos;au {expires}, dans « {path} ». Déposez ce fichier sur le serveur des postes ou sur une clé USB.</source>
        <translation>Directory published: version {version}, {structures} structures and {services} services, valid until {expires}, in “{path}”. Put this file on the desks&apos; server or on a USB stick.</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="89"/>
        <source>Rechercher un service, une structure, une commune…</source>
        <translation>Search for a service, an organisation, a municipality…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="91"/>
        <source>Rechercher dans l&apos;annuaire</source>
        <translation>Search the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="93"/>
        <source>Les résultats s&apos;affichent pendant la frappe. Entrée passe aux résultats.</source>
        <translation>Results appear as you type. Enter moves to the results.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="117"/>
        <source>Résultats de la recherche</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="118"/>
        <source>Un service par ligne ; sa fiche s&apos;affiche à côté.</source>
        <translation>One service per row; its details appear alongside.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="125"/>
        <source>Fiche du service</source>
        <translation>Service details</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="126"/>
        <source>Coordonnées, horaires et publics du service.</source>
        <translation>The service&apos;s contact details, opening hours and audiences.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="177"/>
        <source>Aucun service ne correspond à cette recherche avec ces filtres.</source>
        <translation>No service matches this search with these filters.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="179"/>
        <source>Aucun service ne correspond à cette recherche.</source>
        <translation>No service matches this search.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="181"/>
        <source>{n} premiers services affichés ; la suite vient en faisant défiler.</source>
        <translation>First {n} services shown; scroll for more.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/view.py" line="203"/>
        <source>Sélectionnez un service pour afficher sa fiche.</source>
        <translation>Select a service to see its details.</translation>
    </message>
</context>
<context>
    <name>DisplayPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/display.py" line="23"/>
        <source>Affichage : contraste</source>
        <translation>Display: contrast</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/display.py" line="27"/>
        <source>Comme le système</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/display.py" line="28"/>
        <source>Contraste élevé (blanc sur noir)</source>
        <translation>High contrast (white on black)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/display.py" line="29"/>
        <source>Contraste normal</source>
        <translation>Normal contrast</translation>
    </message>
</context>
<context>
    <name>DomainErrors</name>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="195"/>
        <source>Âge de {age} ans impossible : {most} ans au plus.</source>
        <translation>An age of {age} is not possible: {most} at most.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="204"/>
        <source>Âge de {age} ans impossible pour le statut « {statut} » : {least} ans au moins.</source>
        <translation>An age of {age} is not possible for the status “{statut}”: {least} at least.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="213"/>
        <source>Âge de {age} ans impossible ici : {least} ans au moins.</source>
        <translation>An age of {age} is not possible here: {least} at least.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/contacts/service.py" line="142"/>
        <source>« Rendez-vous pris » ne vaut que pour une orientation avec rendez-vous : celle-ci est une information (adresse remise). Pour un rendez-vous pris depuis, orientez de nouveau la personne avec la date.</source>
        <translation>“Appointment booked” only applies to a referral with an appointment: this one is an information (address given). For an appointment booked since, refer the person again with the date.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/contacts/service.py" line="151"/>
        <source>Cette orientation est déjà notée « {current} » : la remettre « {wanted} » efface ce résultat.</source>
        <translation>This referral is already marked “{current}”: setting it back to “{wanted}” erases that outcome.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/site/declared.py" line="63"/>
        <source>{label} : « {code} » n&apos;est ni une commune, ni un EPCI, ni un département (code INSEE ou SIREN attendu).</source>
        <translation>{label}: “{code}” is neither a municipality, nor an EPCI, nor a département (an INSEE or SIREN code is expected).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/site/declared.py" line="80"/>
        <source>{label} : {reason}</source>
        <translation>{label}: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/coordinates.py" line="38"/>
        <source>{what} « {typed} » invalide : {advice}</source>
        <translation>{what} “{typed}” is not valid: {advice}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/coordinates.py" line="39"/>
        <source>{what} invalide : {advice}</source>
        <translation>{what} is not valid: {advice}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/coordinates.py" line="40"/>
        <source>Téléphone</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/coordinates.py" line="41"/>
        <source>Courriel</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/coordinates.py" line="92"/>
        <source>tapez un numéro local ({example}) ou un numéro avec son indicatif (+33 6 12 34 56 78).</source>
        <translation>type a local number ({example}) or a number with its country code (+33 6 12 34 56 78).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/coordinates.py" line="104"/>
        <source>tapez un numéro français à 10 chiffres (06 12 34 56 78, 0690 12 34 56 outre-mer) ou international (+32 …).</source>
        <translation>type a 10-digit French number (06 12 34 56 78, 0690 12 34 56 overseas) or an international one (+32 …).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/coordinates.py" line="143"/>
        <source>il faut une adresse complète, comme prenom.nom@exemple.fr.</source>
        <translation>a full address is needed, such as firstname.lastname@example.fr.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/sync/bundle.py" line="113"/>
        <source>L&apos;envoi n&apos;a pas pu être écrit : le support « {folder} » est plein. Aucun fichier n&apos;y a été laissé et l&apos;envoi sera refait en entier. Libérez de la place sur ce support (ou choisissez-en un autre) puis réessayez.</source>
        <translation>The bundle could not be written: the medium “{folder}” is full. No file was left on it and the bundle will be made again in full. Free some space on it (or choose another one), then try again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/sync/bundle.py" line="119"/>
        <source>L&apos;envoi n&apos;a pas pu être écrit : le support « {folder} » refuse l&apos;écriture (protégé en écriture ou droits insuffisants). Aucun fichier n&apos;y a été laissé et l&apos;envoi sera refait en entier. Choisissez un autre dossier ou débloquez le support, puis réessayez.</source>
        <translation>The bundle could not be written: the medium “{folder}” refuses writing (write-protected or insufficient rights). No file was left on it and the bundle will be made again in full. Choose another folder or unlock the medium, then try again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/sync/bundle.py" line="125"/>
        <source>L&apos;envoi n&apos;a pas pu être écrit : le support « {folder} » n&apos;a pas répondu correctement. Aucun fichier n&apos;y a été laissé et l&apos;envoi sera refait en entier. Vérifiez le support ou choisissez-en un autre, puis réessayez.</source>
        <translation>The bundle could not be written: the medium “{folder}” did not respond correctly. No file was left on it and the bundle will be made again in full. Check the medium or choose another one, then try again.</translation>
    </message>
</context>
<context>
    <name>EmptyStatePanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/directory/empty_state.py" line="27"/>
        <source>L&apos;annuaire des partenaires est vide</source>
        <translation>The partner directory is empty</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/empty_state.py" line="34"/>
        <source>Pour rechercher un partenaire, SPRO Desk a besoin d&apos;un annuaire. Chargez l&apos;annuaire d&apos;exemple (Centre-Val de Loire) pour découvrir l&apos;application, ou importez l&apos;export data·inclusion de votre région : un dossier contenant structures.json et services.json, ou une archive .zip.</source>
        <translation>To look up a partner, SPRO Desk needs a directory. Load the sample directory (Centre-Val de Loire) to try the application, or import your region&apos;s data·inclusion export: a folder holding structures.json and services.json, or a .zip archive.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/empty_state.py" line="43"/>
        <source>Charger l&apos;annuaire d&apos;exemple</source>
        <translation>Load the sample directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/empty_state.py" line="45"/>
        <source>Importe l&apos;annuaire d&apos;exemple fourni avec SPRO Desk.</source>
        <translation>Imports the sample directory shipped with SPRO Desk.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/empty_state.py" line="48"/>
        <source>Importer un annuaire…</source>
        <translation>Import a directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/empty_state.py" line="50"/>
        <source>Choisir un dossier ou une archive .zip exportés de data·inclusion.</source>
        <translation>Choose a folder or a .zip archive exported from data·inclusion.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/errors.py" line="92"/>
        <source>SPRO Desk ne peut pas démarrer</source>
        <translation>SPRO Desk cannot start</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/errors.py" line="128"/>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/errors.py" line="129"/>
        <source>Une erreur inattendue s&apos;est produite. L&apos;opération en cours n&apos;a peut-être pas abouti ; les données déjà enregistrées sont conservées.

Si le problème se reproduit, transmettez le détail ci-dessous au support.</source>
        <translation>An unexpected error occurred. The current operation may not have completed; data already saved is kept.

If the problem happens again, send the details below to support.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/errors.py" line="30"/>
        <source>le support est plein</source>
        <translation>the drive is full</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/errors.py" line="32"/>
        <source>le support refuse l&apos;écriture : protégé en écriture ou droits insuffisants</source>
        <translation>the drive refuses writing: write-protected or insufficient rights</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/errors.py" line="36"/>
        <source>le dossier n&apos;existe plus</source>
        <translation>the folder no longer exists</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/errors.py" line="38"/>
        <source>le nom du fichier est trop long</source>
        <translation>the file name is too long</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/errors.py" line="39"/>
        <source>erreur du système, code {code}</source>
        <translation>system error, code {code}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="45"/>
        <source>Du (premier jour de la période)</source>
        <translation>From (first day of the period)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="46"/>
        <source>Au (dernier jour de la période, inclus)</source>
        <translation>To (last day of the period, inclusive)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="63"/>
        <source>Cette semaine</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="64"/>
        <source>Ce mois</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="65"/>
        <source>Le mois dernier</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="66"/>
        <source>Cette année</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="67"/>
        <source>L&apos;année dernière</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="71"/>
        <source>Période choisie</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="72"/>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="73"/>
        <source>Une période type, ou « Période choisie » : les deux dates qui suivent</source>
        <translation>A preset period, or “Custom period”: the two dates that follow</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="88"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="88"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="89"/>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="89"/>
        <source>EPCI</source>
        <translation>EPCI</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="91"/>
        <source>Restreint les chiffres aux sites choisis</source>
        <translation>Limits the figures to the chosen sites</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="97"/>
        <source>Péri&amp;ode :</source>
        <translation>Peri&amp;od:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="99"/>
        <source>du</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="99"/>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="106"/>
        <source>S&amp;ite :</source>
        <translation>S&amp;ite:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="107"/>
        <source>&amp;Réseau :</source>
        <translation>&amp;Network:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="108"/>
        <source>Dépar&amp;tement :</source>
        <translation>&amp;Département:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="109"/>
        <source>EP&amp;CI :</source>
        <translation>EP&amp;CI:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="167"/>
        <source>Tous les sites</source>
        <translation>All sites</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="167"/>
        <source>Tous les réseaux</source>
        <translation>All networks</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="168"/>
        <source>Tous les départements</source>
        <translation>All départements</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/filter_bar.py" line="169"/>
        <source>Tous les EPCI</source>
        <translation>All EPCI</translation>
    </message>
</context>
<context>
    <name>FirstAgentDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="185"/>
        <source>Premier compte du poste</source>
        <translation>First account on this desk</translation>
    </message>
</context>
<context>
    <name>FirstAgentPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="129"/>
        <source>Ce poste n&apos;a encore aucun compte. Créez celui de la ou du responsable de site : son code protège les données personnelles des personnes reçues et permet d&apos;ajouter ensuite les autres agents. Un code oublié ne peut pas être retrouvé : notez-le en lieu sûr.</source>
        <translation>This desk has no accounts yet. Create the site manager&apos;s: their code protects the personal data of the people received and lets you add the other agents afterwards. A forgotten code cannot be recovered: write it down somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="137"/>
        <source>Premier compte du poste</source>
        <translation>First account on this desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="142"/>
        <source>C&amp;réer le compte</source>
        <translation>Create the &amp;account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="144"/>
        <source>Créer le compte de responsable de site</source>
        <translation>Create the site manager&apos;s account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="145"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="146"/>
        <source>Quitter SPRO Desk</source>
        <translation>Quit SPRO Desk</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/wizard.py" line="50"/>
        <source>SPRO Desk — premier démarrage</source>
        <translation>SPRO Desk — first start</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/wizard.py" line="119"/>
        <source>Terminer ouvre l&apos;Accueil : un passage s&apos;enregistre en quelques touches. Pour les envois à la coordination, donnez-lui le fichier d&apos;enregistrement du poste (spro-desk desk registration --out FICHIER).</source>
        <translation>Finish opens the Front desk: a visit is recorded in a few keystrokes. For bundles to the coordination office, give it the desk&apos;s registration file (spro-desk desk registration --out FILE).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/wizard.py" line="124"/>
        <source>Terminer ouvre SPRO Desk. Remettez à chaque poste le fichier d&apos;identité de la coordination (spro-desk coordinator identity --out FICHIER) et enregistrez le fichier de chaque poste (spro-desk coordinator register FICHIER).</source>
        <translation>Finish opens SPRO Desk. Give each desk the coordination office&apos;s identity file (spro-desk coordinator identity --out FILE) and register each desk&apos;s file (spro-desk coordinator register FILE).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/wizard.py" line="135"/>
        <source>Quitter l&apos;assistant ? Rien n&apos;est encore enregistré : SPRO Desk se fermera et l&apos;assistant reviendra au prochain démarrage.</source>
        <translation>Leave the assistant? Nothing is saved yet: SPRO Desk will close and the assistant will come back at the next start.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/wizard.py" line="139"/>
        <source>Quitter l&apos;assistant</source>
        <translation>Leave the assistant</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/wizard.py" line="139"/>
        <source>Quitter</source>
        <translation>Leave</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/follow_up_model.py" line="62"/>
        <source>Date du contact</source>
        <translation>Contact date</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/follow_up_model.py" line="63"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/follow_up_model.py" line="64"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/follow_up_model.py" line="65"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/follow_up_model.py" line="66"/>
        <source>Rendez-vous</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/follow_up_model.py" line="67"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/follow_up_model.py" line="74"/>
        <source>En retard · {statut}</source>
        <translation>Overdue · {statut}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/follow_up_model.py" line="52"/>
        <source>Motif :
{motif}</source>
        <translation>Reason:
{motif}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/formatting.py" line="73"/>
        <source>{date} à {time}</source>
        <translation>{date} at {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/formatting.py" line="98"/>
        <source>{n} structure</source>
        <translation>{n} organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/formatting.py" line="99"/>
        <source>{n} structures</source>
        <translation>{n} organisations</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/formatting.py" line="106"/>
        <source>{n} service</source>
        <translation>{n} service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/formatting.py" line="107"/>
        <source>{n} services</source>
        <translation>{n} services</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/formatting.py" line="114"/>
        <source>Annuaire vide</source>
        <translation>Empty directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/formatting.py" line="118"/>
        <source>{counts} · importé le {when}</source>
        <translation>{counts} · imported on {when}</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/import_flow.py" line="125"/>
        <source>Annuaire importé : {structures}, {services}</source>
        <translation>Directory imported: {structures}, {services}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/import_flow.py" line="134"/>
        <source>{n} ligne rejetée</source>
        <translation>{n} row rejected</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/import_flow.py" line="135"/>
        <source>{n} lignes rejetées</source>
        <translation>{n} rows rejected</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/import_flow.py" line="139"/>
        <source>{n} avertissement</source>
        <translation>{n} warning</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/import_flow.py" line="140"/>
        <source>{n} avertissements</source>
        <translation>{n} warnings</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="34"/>
        <source>C&apos;est prêt</source>
        <translation>All set</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="37"/>
        <source>Progression de l&apos;import</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="39"/>
        <source>&amp;Arrêter l&apos;import</source>
        <translation>&amp;Stop the import</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="41"/>
        <source>L&apos;annuaire pourra être importé plus tard (Fichier &gt; Importer un annuaire).</source>
        <translation>The directory can be imported later (File &gt; Import a directory).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="45"/>
        <source>Et ensuite</source>
        <translation>What next</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="60"/>
        <source>Le poste est prêt. Importez l&apos;annuaire quand vous l&apos;aurez (Fichier &gt; Importer un annuaire).</source>
        <translation>The desk is ready. Import the directory when you have it (File &gt; Import a directory).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="66"/>
        <source>Import de l&apos;annuaire…</source>
        <translation>Importing the directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="81"/>
        <source>Arrêt de l&apos;import…</source>
        <translation>Stopping the import…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="94"/>
        <source>Import arrêté : le poste est prêt, sans annuaire pour l&apos;instant.</source>
        <translation>Import stopped: the desk is ready, without a directory for now.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="96"/>
        <source>Annuaire refusé : {reason} Le poste est prêt quand même.</source>
        <translation>Directory refused: {reason} The desk is ready anyway.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/import_page.py" line="102"/>
        <source>L&apos;import a échoué à cause d&apos;une erreur inattendue ({error}). Le poste est prêt ; importez l&apos;annuaire plus tard.</source>
        <translation>The import failed because of an unexpected error ({error}). The desk is ready; import the directory later.</translation>
    </message>
</context>
<context>
    <name>IndicatorsLoader</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/loader.py" line="143"/>
        <source>Calcul des indicateurs…</source>
        <translation>Computing the indicators…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/loader.py" line="213"/>
        <source>Les indicateurs n&apos;ont pas pu être calculés ({error}) : les chiffres affichés sont les précédents. Réessayez ; si l&apos;erreur revient, signalez-la avec le journal de SPRO Desk.</source>
        <translation>The indicators could not be computed ({error}): the figures shown are the previous ones. Try again; if the error comes back, report it with the SPRO Desk log.</translation>
    </message>
</context>
<context>
    <name>Keyed</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/keyed.py" line="25"/>
        <source>{key} : {label}</source>
        <translation>{key}: {label}</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/idle_lock.py" line="42"/>
        <source>Coordination verrouillée</source>
        <translation>Coordination locked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/idle_lock.py" line="46"/>
        <source>Explication du verrouillage</source>
        <translation>Lock explanation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/idle_lock.py" line="49"/>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/idle_lock.py" line="50"/>
        <source>&amp;Se reconnecter</source>
        <translation>&amp;Sign in again</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/idle_lock.py" line="52"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/idle_lock.py" line="53"/>
        <source>Message de reconnexion</source>
        <translation>Sign-in message</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/idle_lock.py" line="55"/>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/idle_lock.py" line="74"/>
        <source>La fenêtre s&apos;est verrouillée faute d&apos;activité. {name}, saisissez votre mot de passe pour reprendre ; une autre personne quitte puis se connecte.</source>
        <translation>The window locked after a period without activity. {name}, type your password to carry on; someone else quits and signs in.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="71"/>
        <source>SPRO Desk est verrouillé</source>
        <translation>SPRO Desk is locked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="78"/>
        <source>Les données personnelles sont masquées. Choisissez votre nom et saisissez votre code pour reprendre là où vous en étiez.</source>
        <translation>Personal data is hidden. Choose your name and enter your code to pick up where you left off.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="85"/>
        <source>&amp;Déverrouiller</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="92"/>
        <source>&amp;Agent :</source>
        <translation>&amp;Agent:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="92"/>
        <source>&amp;Code :</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="114"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="115"/>
        <source>Code ou mot de passe</source>
        <translation>Code or password</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="116"/>
        <source>Déverrouiller le poste</source>
        <translation>Unlock the desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="140"/>
        <source>Ouverture de la base… Le code sera vérifié dès qu&apos;elle est prête.</source>
        <translation>Opening the database… Your code will be checked as soon as it is ready.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="143"/>
        <source>Vérification du code…</source>
        <translation>Checking the code…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="99"/>
        <source>Ouverture de la base de données…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="156"/>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="158"/>
        <source>Écrans de SPRO Desk</source>
        <translation>SPRO Desk screens</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="246"/>
        <source>Barre d&apos;état</source>
        <translation>Status bar</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="260"/>
        <source>&amp;Importer un annuaire…</source>
        <translation>&amp;Import a directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="262"/>
        <source>Importer un export data·inclusion (dossier ou archive .zip)</source>
        <translation>Import a data·inclusion export (folder or .zip archive)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="264"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="264"/>
        <source>Fermer SPRO Desk</source>
        <translation>Close SPRO Desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="266"/>
        <source>&amp;Rechercher dans l&apos;annuaire</source>
        <translation>&amp;Find in the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="268"/>
        <source>Placer le curseur dans la zone de recherche</source>
        <translation>Move the cursor to the search box</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="270"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="275"/>
        <source>&amp;Édition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="277"/>
        <source>&amp;Aller à</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="281"/>
        <source>Afficher l&apos;écran %s</source>
        <translation>Show the %s screen</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="289"/>
        <source>À &amp;propos de SPRO Desk…</source>
        <translation>&amp;About SPRO Desk…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="291"/>
        <source>Version, sources des données et licences des composants</source>
        <translation>Version, data sources and component licences</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="295"/>
        <source>Aide</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="412"/>
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="429"/>
        <source>SPRO Desk — %s</source>
        <translation>SPRO Desk — %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="461"/>
        <source>Écran %s</source>
        <translation>%s screen</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="487"/>
        <source>Importer un annuaire</source>
        <translation>Import a directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="489"/>
        <source>Export data·inclusion (*.zip *.json *.csv *.xlsx);;Tous les fichiers (*)</source>
        <translation>data·inclusion export (*.zip *.json *.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="515"/>
        <source>Import impossible</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="523"/>
        <source>Remplacer l&apos;annuaire ?</source>
        <translation>Replace the directory?</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="524"/>
        <source>Remplacer quand même l&apos;annuaire actuel ?</source>
        <translation>Replace the current directory anyway?</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="532"/>
        <source>Import annulé : l&apos;annuaire actuel est conservé.</source>
        <translation>Import cancelled: the current directory is kept.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/main_window.py" line="564"/>
        <source>Les modifications de « {screen} » ne sont pas enregistrées. Les enregistrer avant de fermer ?</source>
        <translation>The changes in “{screen}” are not saved. Save them before closing?</translation>
    </message>
</context>
<context>
    <name>NeedsField</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="78"/>
        <source>Tapez un besoin, ou un chiffre de 1 à 9…</source>
        <translation>Type a need, or a digit from 1 to 9…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="98"/>
        <source>Ajouter le besoin %s</source>
        <translation>Add the need %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="99"/>
        <source>Touche %d dans le champ Besoins, ou Alt+%d</source>
        <translation>Key %d in the Needs field, or Alt+%d</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="116"/>
        <source>{key} : {label}</source>
        <translation>{key}: {label}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="120"/>
        <source>Tapez un mot d&apos;une thématique puis Entrée pour l&apos;ajouter. Champ vide : un chiffre ajoute un besoin fréquent (%s) ; Retour arrière retire le dernier.</source>
        <translation>Type a word from a theme, then Enter to add it. Empty field: a digit adds a frequent need (%s); Backspace removes the last one.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="125"/>
        <source>Besoins retenus</source>
        <translation>Selected needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="127"/>
        <source>Suppr ou double-clic retire le besoin sélectionné.</source>
        <translation>Del or double-click removes the selected need.</translation>
    </message>
</context>
<context>
    <name>NeedsPicker</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="89"/>
        <source>Filtrer les besoins…</source>
        <translation>Filter the needs…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="90"/>
        <source>Filtrer les besoins</source>
        <translation>Filter the needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="92"/>
        <source>Tapez un mot ; Flèche bas passe à la liste, Espace coche un besoin.</source>
        <translation>Type a word; Down arrow moves to the list, Space ticks a need.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="100"/>
        <source>Besoins de la personne</source>
        <translation>The person&apos;s needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="102"/>
        <source>Espace coche ou décoche le besoin sélectionné.</source>
        <translation>Space ticks or unticks the selected need.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="172"/>
        <source>Besoins : {labels}</source>
        <translation>Needs: {labels}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="174"/>
        <source>Aucun besoin coché.</source>
        <translation>No need ticked.</translation>
    </message>
</context>
<context>
    <name>NewAgentDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="203"/>
        <source>Ajouter un agent</source>
        <translation>Add an agent</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="210"/>
        <source>Créer le compte</source>
        <translation>Create the account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="211"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OpeningHours</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/formatting.py" line="153"/>
        <source>(heures locales du service, pas celles du poste)</source>
        <translation>(the service&apos;s local hours, not the desk&apos;s)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="73"/>
        <source>lundi</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="73"/>
        <source>mardi</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="74"/>
        <source>mercredi</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="74"/>
        <source>jeudi</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="75"/>
        <source>vendredi</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="75"/>
        <source>samedi</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="76"/>
        <source>dimanche</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="79"/>
        <source>janvier</source>
        <translation>January</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="79"/>
        <source>février</source>
        <translation>February</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="80"/>
        <source>mars</source>
        <translation>March</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="80"/>
        <source>avril</source>
        <translation>April</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="81"/>
        <source>mai</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="81"/>
        <source>juin</source>
        <translation>June</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="82"/>
        <source>juillet</source>
        <translation>July</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="82"/>
        <source>août</source>
        <translation>August</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="83"/>
        <source>septembre</source>
        <translation>September</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="84"/>
        <source>octobre</source>
        <translation>October</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="85"/>
        <source>novembre</source>
        <translation>November</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="86"/>
        <source>décembre</source>
        <translation>December</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="105"/>
        <source>Horaires non renseignés</source>
        <translation>Opening hours not given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="106"/>
        <source>à confirmer</source>
        <translation>to be confirmed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="149"/>
        <source>{hour}&#xa0;h&#xa0;{minute}</source>
        <translation>{hour}:{minute}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="152"/>
        <location filename="../../src/spro_desk/directory/hours.py" line="158"/>
        <source>{hour}&#xa0;h</source>
        <translation>{hour}:00</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="166"/>
        <source>1er {month}</source>
        <translation>1 {month}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="167"/>
        <source>{day} {month}</source>
        <translation>{day} {month}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="177"/>
        <source>à {time}</source>
        <translation>at {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="179"/>
        <source>demain à {time}</source>
        <translation>tomorrow at {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="181"/>
        <source>{weekday} à {time}</source>
        <translation>{weekday} at {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="184"/>
        <source>le {date} à {time}</source>
        <translation>on {date} at {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="193"/>
        <source>jusqu&apos;à {time}</source>
        <translation>until {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="195"/>
        <source>jusqu&apos;à minuit</source>
        <translation>until midnight</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="197"/>
        <source>jusqu&apos;à demain {time}</source>
        <translation>until tomorrow {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="199"/>
        <source>jusqu&apos;à {weekday} {time}</source>
        <translation>until {weekday} {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="202"/>
        <source>jusqu&apos;au {date} {time}</source>
        <translation>until {date} {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="309"/>
        <source>24&#xa0;h sur 24</source>
        <translation>24 hours a day</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="325"/>
        <source>Tous les jours</source>
        <translation>Every day</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="327"/>
        <source>Du {first} au {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="332"/>
        <source>{days} et {last}</source>
        <translation>{days} and {last}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="344"/>
        <source>{days}&#xa0;: {times}</source>
        <translation>{days}: {times}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="355"/>
        <source>Horaires&#xa0;: {text}</source>
        <translation>Opening hours: {text}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="371"/>
        <source>Fermé toute la semaine</source>
        <translation>Closed all week</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="373"/>
        <source>Fermé les jours fériés</source>
        <translation>Closed on public holidays</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="377"/>
        <source>Fermetures ou horaires particuliers&#xa0;: {rules}</source>
        <translation>Closures or special hours: {rules}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="382"/>
        <source>Remarque&#xa0;: {remark}</source>
        <translation>Note: {remark}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="557"/>
        <source>Horaires non reconnus</source>
        <translation>Opening hours not recognised</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="561"/>
        <source>Ouvert</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="563"/>
        <source>Ouvert {until}</source>
        <translation>Open {until}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="565"/>
        <source>Jour férié&#xa0;: à confirmer</source>
        <translation>Public holiday: to be confirmed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="569"/>
        <source>Ouverture à confirmer</source>
        <translation>Opening to be confirmed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="571"/>
        <source>Ouverture à confirmer · {note}</source>
        <translation>Opening to be confirmed · {note}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="575"/>
        <source>Fermé</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="577"/>
        <source>Fermé · ouvre {when}</source>
        <translation>Closed · opens {when}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/directory/hours.py" line="583"/>
        <source>Horaires&#xa0;: &quot;{text}&quot; (non structurés)</source>
        <translation>Opening hours: &quot;{text}&quot; (unstructured)</translation>
    </message>
</context>
<context>
    <name>OrientationScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="62"/>
        <source>&amp;Suggérer</source>
        <translation>S&amp;uggest</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="62"/>
        <source>Chercher les services adaptés à ce profil (Entrée)</source>
        <translation>Find services suited to this profile (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="65"/>
        <source>&amp;Nouvelle personne</source>
        <translation>Ne&amp;w person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="65"/>
        <source>Vider le profil pour une autre personne</source>
        <translation>Clear the profile for another person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="68"/>
        <source>&amp;Orienter…</source>
        <translation>&amp;Refer…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="68"/>
        <source>Orienter vers le service sélectionné (Ctrl+Entrée)</source>
        <translation>Refer to the selected service (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="71"/>
        <source>A&amp;utre service…</source>
        <translation>&amp;Other service…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="71"/>
        <source>Choisir n&apos;importe quel service de l&apos;annuaire</source>
        <translation>Choose any service from the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/screens.py" line="40"/>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="84"/>
        <source>Orientation</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="92"/>
        <source>Services suggérés</source>
        <translation>Suggested services</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="93"/>
        <source>Du plus adapté au moins adapté ; Ctrl+Entrée oriente vers la ligne choisie.</source>
        <translation>Best match first; Ctrl+Enter refers to the selected row.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="104"/>
        <source>Pourquoi ce service</source>
        <translation>Why this service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="106"/>
        <source>Les raisons de la suggestion, à lire à la personne.</source>
        <translation>Why this service is suggested, to read to the person.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="129"/>
        <source>Suggestions (la personne choisit) :</source>
        <translation>Suggestions (the person chooses):</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="195"/>
        <source>Profil vidé : saisissez la nouvelle personne.</source>
        <translation>Profile cleared: enter the new person.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="212"/>
        <source>Recherche des services adaptés…</source>
        <translation>Looking for suitable services…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="224"/>
        <source>Aucun service de l&apos;annuaire ne répond à ces besoins pour cette commune : élargissez les besoins ou choisissez « Autre service… ».</source>
        <translation>No service in the directory meets these needs for this municipality: widen the needs or choose “Other service…”.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="228"/>
        <source>{n} services suggérés, du plus adapté au moins adapté.</source>
        <translation>{n} services suggested, best match first.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="242"/>
        <source>Les suggestions n&apos;ont pas pu être calculées. Réessayez ; si le problème continue, cherchez dans l&apos;Annuaire.</source>
        <translation>The suggestions could not be computed. Try again; if the problem persists, search the Directory.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="273"/>
        <source>Sélectionnez d&apos;abord un service dans la liste des suggestions.</source>
        <translation>First select a service in the list of suggestions.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="287"/>
        <source>Choisissez le statut de la personne avant de l&apos;orienter.</source>
        <translation>Choose the person&apos;s status before referring them.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="304"/>
        <source>Orientation enregistrée vers {structure}.</source>
        <translation>Referral to {structure} saved.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/screen.py" line="313"/>
        <source>L&apos;annuaire a été mis à jour : relancez la suggestion.</source>
        <translation>The directory has been updated: run the suggestion again.</translation>
    </message>
</context>
<context>
    <name>OsErrors</name>
    <message>
        <location filename="../../src/spro_desk/paths.py" line="46"/>
        <location filename="../../src/spro_desk/paths.py" line="47"/>
        <source>accès refusé à ce compte</source>
        <translation>access denied to this account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/paths.py" line="48"/>
        <source>disque en lecture seule</source>
        <translation>read-only disk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/paths.py" line="49"/>
        <source>chemin introuvable</source>
        <translation>path not found</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/paths.py" line="50"/>
        <location filename="../../src/spro_desk/paths.py" line="51"/>
        <source>un fichier occupe la place d&apos;un dossier</source>
        <translation>a file stands where a folder should be</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/paths.py" line="52"/>
        <source>disque plein</source>
        <translation>disk full</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/paths.py" line="53"/>
        <source>erreur de lecture ou d&apos;écriture du disque</source>
        <translation>disk read or write error</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/paths.py" line="54"/>
        <source>chemin trop long</source>
        <translation>path too long</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/paths.py" line="56"/>
        <source>erreur du système : {detail}</source>
        <translation>system error: {detail}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/pages.py" line="52"/>
        <source>Graphiques</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/pages.py" line="87"/>
        <source>Tous les tableaux</source>
        <translation>All tables</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/pages.py" line="89"/>
        <source>Chaque tableau et ses lignes ; Entrée sur un tableau l&apos;ouvre, sur une ligne montre son détail</source>
        <translation>Each table and its rows; Enter on a table opens it, on a row shows its detail</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/pages.py" line="115"/>
        <source>{title} ›</source>
        <translation>{title} ›</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/pages.py" line="117"/>
        <source>Ouvrir le tableau : {title}</source>
        <translation>Open the table: {title}</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="34"/>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/directory_page.py" line="35"/>
        <source>Choisir le fichier : {name}</source>
        <translation>Choose the file: {name}</translation>
    </message>
</context>
<context>
    <name>PeriodsScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/__init__.py" line="52"/>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="81"/>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="88"/>
        <source>Périodes publiées</source>
        <translation>Published periods</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="55"/>
        <source>Résumé des périodes publiées</source>
        <translation>Summary of published periods</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="60"/>
        <source>Révisions de la période choisie</source>
        <translation>Revisions of the chosen period</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="62"/>
        <source>Choisissez une période puis « Voir les révisions ».</source>
        <translation>Choose a period, then “Show revisions”.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="64"/>
        <source>&amp;Voir les révisions</source>
        <translation>&amp;Show revisions</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="66"/>
        <source>Ce que les envois reçus depuis la clôture changeraient aux bilans publiés.</source>
        <translation>What the bundles received since the closing would change in the published reports.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="71"/>
        <source>Format des bilans de la nouvelle édition</source>
        <translation>Format of the new edition&apos;s reports</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="72"/>
        <source>&amp;Nouvelle édition…</source>
        <translation>&amp;New edition…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="74"/>
        <source>Republier tous les bilans de la période avec les données d&apos;aujourd&apos;hui.</source>
        <translation>Republish every report of the period with today&apos;s data.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="86"/>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="86"/>
        <source>Édition</source>
        <translation>Edition</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="86"/>
        <source>Close le</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="86"/>
        <source>Bilans publiés</source>
        <translation>Published reports</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="90"/>
        <source>Une ligne par période ; ses révisions s&apos;affichent sous la liste.</source>
        <translation>One row per period; its revisions show below the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="122"/>
        <source>{moment} par {who}</source>
        <translation>{moment} by {who}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="126"/>
        <source>ouverte</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="132"/>
        <source>Aucun bilan publié : aucune période close.</source>
        <translation>No report published: no closed period.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="135"/>
        <source>{n} période(s) publiée(s). Un envoi reçu après la clôture ne change aucun bilan publié : il apparaît dans les révisions, appliquées par une nouvelle édition si vous le décidez.</source>
        <translation>{n} published period(s). A bundle received after the closing changes no published report: it shows in the revisions, applied by a new edition if you decide so.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="172"/>
        <source>Calcul des révisions…</source>
        <translation>Computing the revisions…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="188"/>
        <source>Édition {n} — {bundles} envoi(s) reçu(s) depuis la clôture.</source>
        <translation>Edition {n} — {bundles} bundle(s) received since the closing.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="194"/>
        <source>  • poste {desk}, envoi n° {seq}, reçu le {moment}</source>
        <translation>  • desk {desk}, bundle no. {seq}, received on {moment}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="200"/>
        <source>Aucun chiffre publié ne change.</source>
        <translation>No published figure changes.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="203"/>
        <source>{n} chiffre(s) changerai(en)t dans une nouvelle édition :</source>
        <translation>{n} figure(s) would change in a new edition:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="208"/>
        <source>masqué</source>
        <translation>masked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="210"/>
        <source>  • {bilan} — {table}, {row} / {column} : {before} → {after} ({delta:+d}) ; publié : {shown}</source>
        <translation>  • {bilan} — {table}, {row} / {column}: {before} → {after} ({delta:+d}); published: {shown}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="224"/>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="269"/>
        <source>Nouvelle édition</source>
        <translation>New edition</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="225"/>
        <source>Publier l&apos;édition {n} des {count} bilan(s) de la période {period} avec les données d&apos;aujourd&apos;hui ? Les bilans déjà envoyés restent tels quels ; cette décision est gardée dans le journal.</source>
        <translation>Publish edition {n} of the period&apos;s {count} report(s) ({period}) with today&apos;s data? The reports already sent stay as they are; this decision is kept in the log.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="235"/>
        <source>Dossier où écrire les bilans de la nouvelle édition</source>
        <translation>Folder to write the new edition&apos;s reports in</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="252"/>
        <source>Publication de la nouvelle édition…</source>
        <translation>Publishing the new edition…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="261"/>
        <source>Édition {n} publiée : {count} bilan(s) écrit(s) dans {folder}.</source>
        <translation>Edition {n} published: {count} report(s) written in {folder}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/periods_screen.py" line="295"/>
        <source>Le calcul s&apos;est arrêté sur une erreur inattendue ({error}). Rien n&apos;a été publié.</source>
        <translation>The computation stopped on an unexpected error ({error}). Nothing was published.</translation>
    </message>
</context>
<context>
    <name>PersonDataDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="260"/>
        <source>Données de cette personne</source>
        <translation>This person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="273"/>
        <source>Rechercher une personne</source>
        <translation>Search for a person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="276"/>
        <source>Nom, téléphone ou courriel, 3 caractères au moins ; la recherche est inscrite au journal d&apos;accès.</source>
        <translation>Name, phone or e-mail, at least 3 characters; the search is written to the access log.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="280"/>
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="282"/>
        <source>Personnes trouvées</source>
        <translation>People found</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="285"/>
        <source>Tout ce que le poste détient sur cette personne</source>
        <translation>Everything this desk holds about this person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="289"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="290"/>
        <source>&amp;Imprimer (PDF)…</source>
        <translation>&amp;Print (PDF)…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="291"/>
        <source>E&amp;xporter (JSON)…</source>
        <translation>E&amp;xport (JSON)…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="301"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="304"/>
        <source>&amp;Personne :</source>
        <translation>Pe&amp;rson:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="359"/>
        <source>Cet affichage est inscrit au journal d&apos;accès.</source>
        <translation>This display is written to the access log.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="378"/>
        <source>Personnes trouvées : %d.</source>
        <translation>People found: %d.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="394"/>
        <source>Le PDF n&apos;a pas pu être écrit : choisissez un autre dossier.</source>
        <translation>The PDF could not be written: choose another folder.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="397"/>
        <source>PDF enregistré : %s</source>
        <translation>PDF saved: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="413"/>
        <source>Le fichier n&apos;a pas pu être écrit : choisissez un autre dossier.</source>
        <translation>The file could not be written: choose another folder.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="416"/>
        <source>Copie JSON enregistrée : %s</source>
        <translation>JSON copy saved: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="451"/>
        <source>Imprimer en PDF</source>
        <translation>Print to PDF</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="461"/>
        <source>Exporter en JSON</source>
        <translation>Export as JSON</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="292"/>
        <source>&amp;Effacer les données de cette personne…</source>
        <translation>&amp;Erase this person&apos;s data…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="293"/>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="433"/>
        <source>Effacer les données de cette personne</source>
        <translation>Erase this person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="296"/>
        <source>À sa demande : son nom, son téléphone, son courriel et la note sont effacés définitivement ; le contact et ses orientations restent comptés, sans identité.</source>
        <translation>At their request: their name, phone, e-mail and note are erased for good; the contact and its referrals are still counted, without identity.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="429"/>
        <source>Effacer les données personnelles de cette personne ? Son nom, son téléphone, son courriel et la note sont effacés définitivement ; le contact et ses orientations restent comptés, sans identité.</source>
        <translation>Erase this person&apos;s personal data? Their name, phone, e-mail and note are erased for good; the contact and its referrals are still counted, without identity.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="434"/>
        <source>Effacer définitivement</source>
        <translation>Erase for good</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="445"/>
        <source>Données personnelles effacées ; le contact reste compté.</source>
        <translation>Personal data erased; the contact is still counted.</translation>
    </message>
</context>
<context>
    <name>PersonalDataKeeper</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="220"/>
        <source>Effacer les données personnelles de la personne reçue à %s ? Son nom, son téléphone, son courriel et la note sont effacés définitivement ; le contact reste compté, sans identité.</source>
        <translation>Erase the personal data of the person received at %s? Their name, phone number, email and the note are erased for good; the contact is still counted, with no identity.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="226"/>
        <source>Effacer les données de cette personne</source>
        <translation>Erase this person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="227"/>
        <source>Effacer définitivement</source>
        <translation>Erase for good</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="235"/>
        <source>Données personnelles effacées ; le contact reste compté.</source>
        <translation>Personal data erased; the contact is still counted.</translation>
    </message>
</context>
<context>
    <name>PersonalPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="30"/>
        <source>Coordonnées de la personne</source>
        <translation>The person&apos;s contact details</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="38"/>
        <source>&amp;Afficher les coordonnées</source>
        <translation>Sho&amp;w contact details</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="39"/>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="64"/>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="88"/>
        <source>Effacer les données de cette personne</source>
        <translation>Erase this person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="40"/>
        <source>&amp;Données de cette personne…</source>
        <translation>Right of access: &amp;view this person&apos;s data…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="41"/>
        <source>Données de cette personne</source>
        <translation>This person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="44"/>
        <source>Droit d&apos;accès : tout ce que le poste détient sur elle, à afficher, imprimer ou exporter (responsable de site).</source>
        <translation>Right of access: everything this desk holds about the person, to display, print or export (site manager).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="62"/>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="84"/>
        <source>Afficher les coordonnées</source>
        <translation>Show contact details</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="86"/>
        <source>Ctrl+Maj+A ; chaque affichage est inscrit au journal d&apos;accès.</source>
        <translation>Ctrl+Shift+A; each display is recorded in the access log.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="91"/>
        <source>Efface à la demande de la personne son nom, son téléphone, son courriel et la note (Ctrl+Maj+Suppr) ; le contact reste compté, sans identité.</source>
        <translation>At the person&apos;s request, erases their name, phone number, email and the note (Ctrl+Shift+Del); the contact is still counted, with no identity.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="113"/>
        <source>Sélectionnez un contact de la liste.</source>
        <translation>Select a contact in the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="115"/>
        <source>Coordonnées enregistrées avec l&apos;accord de la personne.</source>
        <translation>Contact details recorded with the person&apos;s consent.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="117"/>
        <source>Contact anonyme : aucune coordonnée enregistrée.</source>
        <translation>Anonymous contact: no contact details recorded.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="120"/>
        <source>Réservé à un autre rôle : le vôtre (« {role} ») ne le permet pas.</source>
        <translation>Reserved for another role: yours (“{role}”) does not allow it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="131"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="132"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="133"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/personal_panel.py" line="134"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/screen.py" line="53"/>
        <source>Écran en cours de construction.</source>
        <translation>Screen under construction.</translation>
    </message>
</context>
<context>
    <name>PrivacyGuard</name>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="193"/>
        <source>&amp;Verrouiller le poste</source>
        <translation>&amp;Lock the desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="195"/>
        <source>Masquer les données personnelles jusqu&apos;au code</source>
        <translation>Hide personal data until the code is entered</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="432"/>
        <source>Poste verrouillé : saisissez votre code pour reprendre.</source>
        <translation>Desk locked: type your code to resume.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="517"/>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="551"/>
        <source>Le poste n&apos;a pas pu être déverrouillé. Réessayez.</source>
        <translation>The desk could not be unlocked. Try again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="506"/>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="563"/>
        <source>Poste déverrouillé.</source>
        <translation>Desk unlocked.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/lock/guard.py" line="578"/>
        <source>Votre code est désormais trop court pour protéger les données personnelles : choisissez-en un nouveau (8 chiffres ou plus, ou un mot de passe).</source>
        <translation>Your code is now too short to protect personal data: please choose a new one (8 digits or more, or a password).</translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="61"/>
        <source>Données personnelles</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="64"/>
        <source> mois</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="64"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="74"/>
        <source>Enregistrer ces durées</source>
        <translation>Save these periods</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="75"/>
        <source>Lancer la &amp;purge maintenant</source>
        <translation>Run the &amp;purge now</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="76"/>
        <source>&amp;Vérifier le journal d&apos;accès</source>
        <translation>&amp;Verify the access log</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="82"/>
        <source>Enregistrer les durées de conservation</source>
        <translation>Save the retention periods</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="83"/>
        <source>Lancer la purge maintenant</source>
        <translation>Run the purge now</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="85"/>
        <source>Efface tout de suite les données personnelles dont la durée est passée.</source>
        <translation>Immediately erases the personal data whose retention period has passed.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="87"/>
        <source>Vérifier le journal d&apos;accès</source>
        <translation>Verify the access log</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="102"/>
        <source>Effacées après la clôture de l&apos;orientation :</source>
        <translation>Erased after the referral is closed:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="103"/>
        <source>Effacées au plus tard après le contact :</source>
        <translation>Erased at the latest after the contact:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="104"/>
        <source>Verrouiller le poste après :</source>
        <translation>Lock the desk after:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="105"/>
        <source>Garder le journal d&apos;accès :</source>
        <translation>Keep the access log:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="151"/>
        <source>Seul·e la ou le responsable de site change ces durées.</source>
        <translation>Only the site manager changes these periods.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="167"/>
        <source>Durées enregistrées.</source>
        <translation>Periods saved.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="174"/>
        <source>Purge en cours…</source>
        <translation>Purge in progress…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="181"/>
        <source>Purge faite : données de {n} personne effacées.</source>
        <translation>Purge done: data of {n} person erased.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="182"/>
        <source>Purge faite : données de {n} personnes effacées.</source>
        <translation>Purge done: data of {n} people erased.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="195"/>
        <source>{n} personne dont les données restent</source>
        <translation>{n} person whose data remains</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="196"/>
        <source>{n} personnes dont les données restent</source>
        <translation>{n} people whose data remains</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="199"/>
        <source>Dernière purge : {when} ; {kept}.</source>
        <translation>Last purge: {when}; {kept}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/privacy_panel.py" line="191"/>
        <source>Aucune purge encore faite sur ce poste.</source>
        <translation>No purge done on this desk yet.</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="37"/>
        <source>Personne à orienter</source>
        <translation>Person to refer</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="40"/>
        <source>Nom, code postal ou code INSEE</source>
        <translation>Name, postcode or INSEE code</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="48"/>
        <source>&amp;Handicap (RQTH obtenue ou en cours)</source>
        <translation>&amp;Disability (RQTH obtained or pending)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="73"/>
        <source>— Choisir un statut —</source>
        <translation>— Choose a status —</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="81"/>
        <source>Non renseigné</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="82"/>
        <source> ans</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="87"/>
        <source>Commune de résidence</source>
        <translation>Municipality of residence</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="89"/>
        <source>Tapez un nom, un code postal ou un code INSEE ; choisissez dans la liste.</source>
        <translation>Type a name, a postcode or an INSEE code; choose from the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="92"/>
        <source>Statut de la personne</source>
        <translation>The person&apos;s status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="93"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="95"/>
        <source>Facultatif ; la plus petite valeur le laisse vide.</source>
        <translation>Optional; the lowest value leaves it blank.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="97"/>
        <source>Situation de handicap</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="99"/>
        <source>Reconnaissance de travailleur handicapé obtenue ou en cours.</source>
        <translation>Recognised disabled worker status (RQTH) obtained or pending.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="104"/>
        <source>&amp;Commune :</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="106"/>
        <source>S&amp;tatut :</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="107"/>
        <source>Â&amp;ge :</source>
        <translation>&amp;Age:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="112"/>
        <source>&amp;Besoins :</source>
        <translation>&amp;Needs:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="149"/>
        <source>Tranche d&apos;âge : {band} (l&apos;âge exact, s&apos;il est donné, la remplace).</source>
        <translation>Age band: {band} (the exact age, if given, replaces it).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="168"/>
        <source>Indiquez la commune de la personne (nom, code postal ou code INSEE).</source>
        <translation>Enter the person&apos;s municipality (name, postcode or INSEE code).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="172"/>
        <source>Choisissez le statut de la personne.</source>
        <translation>Choose the person&apos;s status.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="192"/>
        <source>Commune retenue : {commune}</source>
        <translation>Selected municipality: {commune}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="194"/>
        <source>Commune introuvable : vérifiez le nom ou le code postal.</source>
        <translation>Municipality not found: check the name or the postcode.</translation>
    </message>
</context>
<context>
    <name>ProgressIndicator</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/status.py" line="24"/>
        <source>Progression</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/status.py" line="26"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/status.py" line="27"/>
        <source>Annuler l&apos;opération en cours</source>
        <translation>Cancel the current operation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/status.py" line="29"/>
        <source>Arrête l&apos;opération ; les données actuelles sont conservées.</source>
        <translation>Stops the operation; the current data is kept.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/status.py" line="55"/>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="36"/>
        <source>Envoi n° {n}</source>
        <translation>Bundle no. {n}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="42"/>
        <source>{n} o</source>
        <translation>{n} B</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="45"/>
        <source>{n} Ko</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="47"/>
        <source>{n} Mo</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="81"/>
        <source>Envoi</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="82"/>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="83"/>
        <source>Essais</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="84"/>
        <source>Dernière erreur</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="85"/>
        <source>Prochain essai</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="97"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/queue_model.py" line="102"/>
        <source>Au prochain passage</source>
        <translation>At the next round</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="33"/>
        <source>couvre votre commune ({zone})</source>
        <translation>covers your municipality ({zone})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="34"/>
        <source>couvre votre intercommunalité ({zone})</source>
        <translation>covers your intercommunality ({zone})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="35"/>
        <source>couvre votre département ({zone})</source>
        <translation>covers your département ({zone})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="36"/>
        <source>ouvert à toute la France</source>
        <translation>open to all of France</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="39"/>
        <source>dans votre commune</source>
        <translation>in your municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="40"/>
        <source>dans votre intercommunalité</source>
        <translation>in your intercommunality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="41"/>
        <source>dans votre département</source>
        <translation>in your département</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="46"/>
        <source>élèves</source>
        <translation>pupils</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="47"/>
        <source>étudiants</source>
        <translation>students</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="48"/>
        <source>apprentis</source>
        <translation>apprentices</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="49"/>
        <source>jeunes sans diplôme ni emploi</source>
        <translation>young people without a qualification or a job</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="50"/>
        <source>demandeurs d&apos;emploi</source>
        <translation>job seekers</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="51"/>
        <source>salariés</source>
        <translation>employees</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="52"/>
        <source>cadres</source>
        <translation>managers</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="53"/>
        <source>indépendants</source>
        <translation>self-employed people</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="54"/>
        <source>bénévoles</source>
        <translation>volunteers</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="55"/>
        <source>retraités</source>
        <translation>retired people</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="56"/>
        <source>familles</source>
        <translation>families</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="83"/>
        <source>aucun service détaillé publié — contacter la structure</source>
        <translation>no detailed service published — contact the organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="88"/>
        <source>aucun service détaillé publié — contacter la structure : {contacts}</source>
        <translation>no detailed service published — contact the organisation: {contacts}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="98"/>
        <source>son département</source>
        <translation>its département</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="101"/>
        <source>sans zone précisée : ouvert au département où il se trouve ({where})</source>
        <translation>no area given: open to the département where it is ({where})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="116"/>
        <source>répond à vos besoins : {needs}</source>
        <translation>meets your needs: {needs}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="124"/>
        <source>propose : {needs}</source>
        <translation>offers: {needs}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="134"/>
        <source>s&apos;adresse aux {public} — pas à votre situation</source>
        <translation>meant for {public} — not for your situation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="141"/>
        <source>s&apos;adresse aux personnes en situation de handicap</source>
        <translation>meant for people with a disability</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="146"/>
        <source>accueille le public « {public} »</source>
        <translation>welcomes “{public}”</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="155"/>
        <source>public non précisé</source>
        <translation>audience not given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="160"/>
        <source>{min}-{max} ans</source>
        <translation>{min}-{max} year-olds</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="169"/>
        <source>{items} et {last}</source>
        <translation>{items} and {last}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="176"/>
        <source>public : {publics}</source>
        <translation>audience: {publics}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="181"/>
        <source>, de {min} à {max} ans</source>
        <translation>, aged {min} to {max}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="193"/>
        <source>{network} : opérateur du conseil en évolution professionnelle</source>
        <translation>{network}: provider of career development advice (CEP)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="197"/>
        <source>{network} : réseau de référence pour votre situation</source>
        <translation>{network}: the reference network for your situation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="206"/>
        <source> (réseau déduit de ses réseaux porteurs data·inclusion)</source>
        <translation> (network inferred from its data·inclusion parent networks)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="208"/>
        <source> (réseau déduit du nom « {name} »)</source>
        <translation> (network inferred from the name “{name}”)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="215"/>
        <source>payant</source>
        <translation>charged for</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="216"/>
        <source>gratuit</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="222"/>
        <source>conseil et accompagnement individuel</source>
        <translation>individual advice and support</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="228"/>
        <source>à distance, service national</source>
        <translation>remote, national service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="229"/>
        <source>possible à distance</source>
        <translation>possible remotely</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="233"/>
        <source>à {km} km</source>
        <translation>{km} km away</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/orientation/reasons.py" line="240"/>
        <source>dans la zone desservie par votre site</source>
        <translation>in your site&apos;s catchment area</translation>
    </message>
</context>
<context>
    <name>ResilienceController</name>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="114"/>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="125"/>
        <source>Sauvegarde du jour impossible : %s</source>
        <translation>Today&apos;s backup failed: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="121"/>
        <source>Sauvegarde du jour faite à %s.</source>
        <translation>Daily backup made at %s.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="131"/>
        <source>La base de données de SPRO Desk est endommagée ({problem}). Pour ne rien aggraver, SPRO Desk n&apos;y enregistre plus rien : les contacts ne peuvent pas être saisis.</source>
        <translation>The SPRO Desk database is damaged ({problem}). To avoid making things worse, SPRO Desk no longer saves anything to it: contacts cannot be entered.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="135"/>
        <source>Base de données endommagée</source>
        <translation>Damaged database</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="140"/>
        <source>La dernière sauvegarde en bon état :
%s

La restaurer maintenant ?</source>
        <translation>The last backup in good condition:
%s

Restore it now?</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="144"/>
        <source>Restaurer cette sauvegarde</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="148"/>
        <source>Aucune sauvegarde en bon état n&apos;a été trouvée : appelez le support.</source>
        <translation>No backup in good condition was found: call support.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="150"/>
        <source>Choisir une sauvegarde…</source>
        <translation>Choose a backup…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="151"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="165"/>
        <source>Base endommagée : aucune saisie possible avant une restauration.</source>
        <translation>Damaged database: no entries possible until a restore.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/resilience.py" line="168"/>
        <source>Sauvegarde restaurée : SPRO Desk enregistre de nouveau.</source>
        <translation>Backup restored: SPRO Desk is saving again.</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/role_page.py" line="14"/>
        <source>Bienvenue dans SPRO Desk</source>
        <translation>Welcome to SPRO Desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/role_page.py" line="17"/>
        <source>Quelques questions pour préparer cet ordinateur. Aucune connexion à Internet n&apos;est nécessaire : tout reste sur ce poste.</source>
        <translation>A few questions to set up this computer. No Internet connection is needed: everything stays on this desk.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/role_page.py" line="21"/>
        <source>Le poste d&apos;&amp;accueil d&apos;un site</source>
        <translation>&amp;A site&apos;s front-desk computer</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/role_page.py" line="23"/>
        <source>CIO, mission locale, Point Information Jeunesse, permanence…</source>
        <translation>CIO, mission locale, Point Information Jeunesse, outreach session…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/role_page.py" line="25"/>
        <source>La &amp;coordination régionale</source>
        <translation>The &amp;regional coordination office</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/role_page.py" line="27"/>
        <source>Reçoit les envois hebdomadaires des postes et publie l&apos;annuaire.</source>
        <translation>Receives the desks&apos; weekly bundles and publishes the directory.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/role_page.py" line="34"/>
        <source>Cet ordinateur sera :</source>
        <translation>This computer will be:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/role_page.py" line="39"/>
        <source>Les agents y enregistrent les passages et orientent les personnes ; chaque semaine, le poste prépare un envoi pour la coordination.</source>
        <translation>Agents record visits and refer people on it; every week, the desk prepares a bundle for the coordination office.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/role_page.py" line="48"/>
        <source>Reçoit les envois des postes de la région, suit leur activité et leur transmet l&apos;annuaire des partenaires.</source>
        <translation>Receives the bundles from the region&apos;s desks, follows their activity and sends them the partner directory.</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="230"/>
        <source>Nouveau code de %s</source>
        <translation>New code for %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="238"/>
        <source>Changer le code</source>
        <translation>Change the code</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/agents_dialog.py" line="239"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ServiceDetail</name>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="68"/>
        <source>Accessibilité</source>
        <translation>Accessibility</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="72"/>
        <source>Accueil</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="85"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="87"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="89"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="91"/>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="111"/>
        <source>De {low} à {high} ans</source>
        <translation>From {low} to {high} years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="113"/>
        <source>À partir de {low} ans</source>
        <translation>From {low} years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="115"/>
        <source>Jusqu&apos;à {high} ans</source>
        <translation>Up to {high} years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="124"/>
        <source>Statuts accueillis</source>
        <translation>Statuses served</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="137"/>
        <source>Gratuit</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="138"/>
        <source>Payant</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="146"/>
        <source>Frais</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="160"/>
        <source>… et {n} autres zones</source>
        <translation>… and {n} other areas</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="166"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="168"/>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="210"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="179"/>
        <source>Présentation</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="181"/>
        <source>Lieu d&apos;accueil</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="183"/>
        <source>Contact du service</source>
        <translation>Service contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="185"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="187"/>
        <source>Publics</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="188"/>
        <source>Conditions d&apos;accès</source>
        <translation>Access conditions</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="190"/>
        <source>Thématiques</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="192"/>
        <source>Zone d&apos;éligibilité</source>
        <translation>Eligibility area</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="203"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/service_detail.py" line="222"/>
        <source>Mise à jour</source>
        <translation>Last updated</translation>
    </message>
</context>
<context>
    <name>ServicePickerDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="33"/>
        <source>Choisir un service dans l&apos;annuaire</source>
        <translation>Choose a service from the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="51"/>
        <source>Rechercher un service, une structure, une commune…</source>
        <translation>Search for a service, an organisation, a municipality…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="54"/>
        <source>Rechercher dans l&apos;annuaire</source>
        <translation>Search the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="56"/>
        <source>Les résultats s&apos;affichent pendant la frappe ; Entrée passe aux résultats.</source>
        <translation>Results appear as you type; Enter moves to the results.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="68"/>
        <source>Services de l&apos;annuaire</source>
        <translation>Directory services</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="69"/>
        <source>Entrée choisit le service sélectionné.</source>
        <translation>Enter chooses the selected service.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="71"/>
        <source>&amp;Choisir ce service</source>
        <translation>&amp;Choose this service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="72"/>
        <source>Choisir ce service</source>
        <translation>Choose this service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="74"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="75"/>
        <source>Annuler sans choisir de service</source>
        <translation>Cancel without choosing a service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="95"/>
        <source>Aucun service ne correspond.</source>
        <translation>No matching service.</translation>
    </message>
</context>
<context>
    <name>ServiceResultsModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/service_results.py" line="207"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/service_results.py" line="208"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/service_results.py" line="209"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/service_results.py" line="210"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/service_results.py" line="211"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="81"/>
        <source>{value} (valeur inconnue)</source>
        <translation>{value} (unknown value)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="106"/>
        <source>{label} : «&#xa0;{text}&#xa0;» ne correspond à aucune commune. Tapez le nom ou le code postal et choisissez dans la liste.</source>
        <translation>{label}: “{text}” matches no municipality. Type the name or the postcode and choose from the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="126"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="127"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="144"/>
        <source>Suppr retire la ligne choisie.</source>
        <translation>Del removes the chosen line.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="147"/>
        <source>Nouvelle valeur : {label}</source>
        <translation>New value: {label}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="150"/>
        <source>Tapez puis Entrée pour ajouter</source>
        <translation>Type, then Enter to add</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="153"/>
        <source>Ajouter à la liste : {label}</source>
        <translation>Add to the list: {label}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="158"/>
        <source>Retirer la ligne choisie : {label}</source>
        <translation>Remove the selected row: {label}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="219"/>
        <source>Commune, EPCI ou département, puis Entrée (vide : le département)</source>
        <translation>Commune, EPCI or département, then Enter (empty: the département)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_editors.py" line="257"/>
        <source>« {text} » n&apos;est ni une commune, ni un EPCI, ni un département.</source>
        <translation>“{text}” is neither a commune, an EPCI nor a département.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="18"/>
        <source>Langue de l&apos;ordinateur</source>
        <translation>Computer&apos;s language</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="26"/>
        <source>Nom du site</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="27"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="28"/>
        <source>Commune du site</source>
        <translation>Site municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="29"/>
        <source>Zone desservie</source>
        <translation>Catchment area</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="30"/>
        <source>Adresse du site</source>
        <translation>Site address</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="31"/>
        <source>Téléphone du site</source>
        <translation>Site phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="32"/>
        <source>Canal par défaut</source>
        <translation>Default channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="33"/>
        <source>Lieux de permanence</source>
        <translation>Outreach venues</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="34"/>
        <source>Fuseau horaire</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="35"/>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="63"/>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="64"/>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="36"/>
        <source>Agent en poste</source>
        <translation>Agent on duty</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="37"/>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="65"/>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="38"/>
        <source>Adresse du dossier de synchronisation (https://…)</source>
        <translation>Synchronisation folder address (https://…)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="41"/>
        <source>Identifiant</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="42"/>
        <source>Mot de passe ou jeton d&apos;application</source>
        <translation>Password or app token</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="62"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="66"/>
        <source>Synchronisation (WebDAV, Nextcloud)</source>
        <translation>Synchronisation (WebDAV, Nextcloud)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="68"/>
        <source>Autres réglages</source>
        <translation>Other settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="74"/>
        <source>— Aucun —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="80"/>
        <source>Celui de l&apos;ordinateur ({zone})</source>
        <translation>The computer&apos;s ({zone})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="99"/>
        <source>La langue prend effet au prochain démarrage de SPRO Desk.</source>
        <translation>The language takes effect the next time SPRO Desk starts.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="102"/>
        <source>Tapez le nom ou le code postal, puis choisissez dans la liste.</source>
        <translation>Type the name or the postcode, then choose from the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="105"/>
        <source>Lieux où le site tient des permanences, proposés à l&apos;accueil.</source>
        <translation>Places where the site holds outreach sessions, offered on the Front desk screen.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="108"/>
        <source>Jours et heures du site : écran, statistiques et exports. Outre-mer : choisissez le territoire.</source>
        <translation>The site&apos;s days and times: screen, statistics and exports. Overseas: choose the territory.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="113"/>
        <source>Personnes qui enregistrent les contacts sur ce poste.</source>
        <translation>People who record contacts on this computer.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="45"/>
        <source>Adresse de l&apos;API data·inclusion</source>
        <translation>data·inclusion API address</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="48"/>
        <source>Jeton d&apos;accès à l&apos;API data·inclusion</source>
        <translation>data·inclusion API access token</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/setting_labels.py" line="51"/>
        <source>Code de la région (INSEE) à télécharger</source>
        <translation>Code of the region (INSEE) to download</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="57"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="58"/>
        <source>Rétablir</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/screens.py" line="43"/>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="87"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="59"/>
        <source>Restaurer une &amp;sauvegarde…</source>
        <translation>Restore a &amp;backup…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="60"/>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="62"/>
        <source>Les sauvegardes du poste, avec leur contenu ; la base actuelle est gardée.</source>
        <translation>This desk&apos;s backups, with their contents; the current database is kept.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="92"/>
        <source>Enregistrer les paramètres</source>
        <translation>Save the settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="94"/>
        <source>Vérifie puis enregistre tous les réglages du site.</source>
        <translation>Checks, then saves all the site&apos;s settings.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="96"/>
        <source>Rétablir les paramètres enregistrés</source>
        <translation>Revert to the saved settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="126"/>
        <source>Réglages du site</source>
        <translation>Site settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="141"/>
        <source>{label}&#xa0;:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/screen.py" line="230"/>
        <source>Paramètres enregistrés.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="42"/>
        <source>SPRO Desk — Coordination — Connexion</source>
        <translation>SPRO Desk — Coordination — Sign in</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="46"/>
        <source>Compte</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="49"/>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="50"/>
        <source>Message de connexion</source>
        <translation>Sign-in message</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="56"/>
        <source>Se &amp;connecter</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="61"/>
        <source>&amp;Compte :</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="62"/>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="66"/>
        <source>Connectez-vous : ce que vous pouvez faire dépend du rôle de votre compte.</source>
        <translation>Sign in: what you may do depends on your account&apos;s role.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="81"/>
        <source>Vérification du mot de passe…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/sign_in.py" line="95"/>
        <source>La connexion n&apos;a pas abouti ({error}) : réessayez.</source>
        <translation>Signing in did not succeed ({error}): try again.</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="25"/>
        <source>Le site</source>
        <translation>The site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="28"/>
        <source>Ces informations figurent sur les fiches de liaison et dans les envois à la coordination. Elles se modifient ensuite dans Paramètres.</source>
        <translation>This information appears on referral slips and in bundles sent to the coordination office. It can be changed later in Settings.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="33"/>
        <source>Nom du site</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="34"/>
        <source>ex. CIO de Bourges</source>
        <translation>e.g. CIO de Bourges</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="38"/>
        <source>Réseau du site</source>
        <translation>Site network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="44"/>
        <source>Commune du site</source>
        <translation>Site municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="47"/>
        <source>Adresse du site</source>
        <translation>Site address</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="49"/>
        <source>Téléphone du site</source>
        <translation>Site phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="95"/>
        <source>&amp;Nom du site :</source>
        <translation>&amp;Site name:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="96"/>
        <source>&amp;Réseau :</source>
        <translation>Net&amp;work:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="97"/>
        <source>&amp;Commune :</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="98"/>
        <source>A&amp;dresse :</source>
        <translation>A&amp;ddress:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="99"/>
        <source>&amp;Téléphone :</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="100"/>
        <source>&amp;Fuseau horaire :</source>
        <translation>&amp;Time zone:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="101"/>
        <source>&amp;Lieux de permanence :</source>
        <translation>&amp;Outreach venues:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="111"/>
        <source>Facultatif : les autres lieux où le site tient une permanence (mairie, lycée…), proposés à la saisie d&apos;un passage.</source>
        <translation>Optional: the other places where the site holds outreach sessions (town hall, secondary school…), offered when recording a visit.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/site_page.py" line="143"/>
        <source>«&#xa0;{text}&#xa0;» ne correspond à aucune commune. Tapez le nom ou le code postal et choisissez dans la liste.</source>
        <translation>“{text}” matches no municipality. Type the name or the postcode and choose from the list.</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="72"/>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="196"/>
        <source>Fiche de liaison</source>
        <translation>Referral slip</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="75"/>
        <source>Enregistrer en &amp;PDF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="77"/>
        <source>Enregistrer la fiche dans un fichier PDF</source>
        <translation>Save the slip as a PDF file</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="80"/>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="80"/>
        <source>Imprimer la fiche de liaison</source>
        <translation>Print the referral slip</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="82"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="82"/>
        <source>Fermer sans imprimer</source>
        <translation>Close without printing</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="95"/>
        <source>A4 (feuille entière)</source>
        <translation>A4 (full sheet)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="96"/>
        <source>A5 (demi-feuille)</source>
        <translation>A5 (half sheet)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="99"/>
        <source>Format du papier</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="100"/>
        <source>A4 ou A5, pour le PDF comme pour l&apos;imprimante.</source>
        <translation>A4 or A5, for the PDF and the printer alike.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="125"/>
        <source>Création de la fiche en cours</source>
        <translation>Creating the slip</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="129"/>
        <source>F&amp;ormat :</source>
        <translation>Paper &amp;size:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="137"/>
        <source>Contenu de la fiche</source>
        <translation>Slip contents</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="138"/>
        <source>Données personnelles</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="147"/>
        <source>Sans rendez-vous.</source>
        <translation>No appointment.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="149"/>
        <source>Rendez-vous le {moment}.</source>
        <translation>Appointment on {moment}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="154"/>
        <source>Le nom de la personne figure sur la fiche (consentement enregistré).</source>
        <translation>The person&apos;s name appears on the slip (consent recorded).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="155"/>
        <source>Fiche anonyme : aucune donnée personnelle n&apos;y figure.</source>
        <translation>Anonymous slip: no personal data on it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="173"/>
        <source>Enregistrer la fiche de liaison</source>
        <translation>Save the referral slip</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="175"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="187"/>
        <source>Création du PDF…</source>
        <translation>Creating the PDF…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="208"/>
        <source>Impression…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="240"/>
        <source>Fiche enregistrée : {path}</source>
        <translation>Slip saved: {path}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="244"/>
        <source>Fiche envoyée à l&apos;imprimante.</source>
        <translation>Slip sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="250"/>
        <source>La fiche n&apos;a pas pu être enregistrée ({reason}). Choisissez un autre dossier ou un autre nom de fichier.</source>
        <translation>The slip could not be saved ({reason}). Choose another folder or another file name.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="256"/>
        <source>La fiche n&apos;a pas pu être créée. Réessayez ; si le problème continue, notez l&apos;adresse du service pour la personne.</source>
        <translation>The slip could not be created. Try again; if the problem persists, write down the service&apos;s address for the person.</translation>
    </message>
</context>
<context>
    <name>SlipPdf</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="70"/>
        <source>{label}&#xa0;: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="82"/>
        <source>Où aller</source>
        <translation>Where to go</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="89"/>
        <source>Sans rendez-vous&#xa0;: présentez-vous aux horaires d&apos;ouverture.</source>
        <translation>No appointment: come during opening hours.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="93"/>
        <source>Rendez-vous le {moment}.</source>
        <translation>Appointment on {moment}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="98"/>
        <source>Rendez-vous le {moment} ({time}, heure locale du service).</source>
        <translation>Appointment on {moment} ({time}, the service&apos;s local time).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="101"/>
        <source>Quand</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="105"/>
        <source>Horaires d&apos;ouverture</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="108"/>
        <source>Horaires d&apos;ouverture (heures locales du service)</source>
        <translation>Opening hours (the service&apos;s local time)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="117"/>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="157"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="120"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="121"/>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="123"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="128"/>
        <source>À prévoir, à apporter</source>
        <translation>What to plan and bring</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="134"/>
        <source>Accessibilité du lieu</source>
        <translation>Accessibility of the premises</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="136"/>
        <source>Accessibilité</source>
        <translation>Accessibility</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="142"/>
        <source>Pour</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="148"/>
        <source>Motif de l&apos;orientation</source>
        <translation>Reason for the referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="159"/>
        <source>Orienté par</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="163"/>
        <source>Fiche remise le {date}</source>
        <translation>Slip handed over on {date}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="167"/>
        <source>{issued} par {issuer}</source>
        <translation>{issued} by {issuer}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="170"/>
        <source>Service public régional de l&apos;orientation (SPRO)&#xa0;: information et conseil gratuits sur les métiers, les formations et l&apos;emploi, pour tous les publics.</source>
        <translation>Regional public guidance service (Service public régional de l&apos;orientation, SPRO): free information and advice on careers, training and employment, for everyone.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="180"/>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="209"/>
        <location filename="../../src/spro_desk/ui/orientation/slip_pdf.py" line="251"/>
        <source>Fiche de liaison</source>
        <translation>Referral slip</translation>
    </message>
</context>
<context>
    <name>StorageErrors</name>
    <message>
        <location filename="../../src/spro_desk/storage/errors.py" line="39"/>
        <source>Le disque de l&apos;ordinateur est plein : l&apos;enregistrement n&apos;a pas pu être fait. Rien de ce qui était déjà enregistré n&apos;est perdu. Libérez de la place (corbeille, téléchargements) puis enregistrez à nouveau : SPRO Desk n&apos;a pas besoin d&apos;être relancé.</source>
        <translation>The computer&apos;s disk is full: the record could not be saved. Nothing already recorded is lost. Free some space (recycle bin, downloads), then save again: SPRO Desk does not need to be restarted.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/storage/errors.py" line="52"/>
        <source>Le disque ou le dossier des données est en lecture seule : l&apos;enregistrement n&apos;a pas pu être fait. Rien de ce qui était déjà enregistré n&apos;est perdu. Vérifiez les droits du dossier ou faites vérifier le disque, puis enregistrez à nouveau.</source>
        <translation>The disk or the data folder is read-only: the record could not be saved. Nothing already recorded is lost. Check the folder&apos;s permissions or have the disk checked, then save again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/storage/errors.py" line="65"/>
        <source>Le disque n&apos;a pas répondu correctement (erreur de lecture ou d&apos;écriture) : l&apos;opération n&apos;a pas abouti. Rien de ce qui était déjà enregistré n&apos;est perdu. Réessayez ; si l&apos;erreur revient, fermez SPRO Desk et faites vérifier le disque de l&apos;ordinateur.</source>
        <translation>The disk did not respond correctly (read or write error): the operation did not complete. Nothing already recorded is lost. Try again; if the error comes back, close SPRO Desk and have the computer&apos;s disk checked.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/storage/errors.py" line="78"/>
        <source>Le fichier de la base de données ne peut pas être ouvert : le dossier des données a peut-être été déplacé, renommé ou rendu inaccessible. Vérifiez qu&apos;il existe et que vous pouvez y écrire, puis réessayez.</source>
        <translation>The database file cannot be opened: the data folder may have been moved, renamed or made inaccessible. Check that it exists and that you can write to it, then try again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/storage/errors.py" line="89"/>
        <source> : SPRO Desk n&apos;y écrit plus rien pour ne pas aggraver le problème. Restaurez la dernière sauvegarde (Paramètres › Restaurer une sauvegarde ; si SPRO Desk ne s&apos;ouvre plus : « spro-desk backup list » puis « spro-desk backup restore FICHIER ») ; la base actuelle est gardée de côté.</source>
        <translation>: SPRO Desk no longer writes anything to it, so as not to make the problem worse. Restore the last backup (Settings › Restore a backup; if SPRO Desk no longer opens: “spro-desk backup list” then “spro-desk backup restore FILE”); the current database is kept aside.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/storage/errors.py" line="98"/>
        <source>La base de données est endommagée ({detail}){tail}</source>
        <translation>The database is damaged ({detail}){tail}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/storage/errors.py" line="106"/>
        <source>La base de données est endommagée{tail}</source>
        <translation>The database is damaged{tail}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/storage/errors.py" line="114"/>
        <source>La base de données est occupée par une autre fenêtre ou commande de SPRO Desk : l&apos;opération n&apos;a pas été faite. Rien de ce qui était déjà enregistré n&apos;est perdu. Réessayez dans un instant.</source>
        <translation>The database is in use by another SPRO Desk window or command: the operation was not done. Nothing already recorded is lost. Try again in a moment.</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="91"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="92"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="93"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="94"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="95"/>
        <source>Pourquoi</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="103"/>
        <source>Service choisi dans l&apos;annuaire (hors suggestions).</source>
        <translation>Service chosen from the directory (not a suggestion).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="110"/>
        <source>annuaire</source>
        <translation>directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="118"/>
        <source>choisi dans l&apos;annuaire</source>
        <translation>chosen from the directory</translation>
    </message>
</context>
<context>
    <name>SuiviScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="80"/>
        <source>Résumé du suivi</source>
        <translation>Follow-up summary</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/app/screens.py" line="41"/>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="104"/>
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="110"/>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="113"/>
        <source>Filtrer par statut</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="114"/>
        <source>Les rendez-vous en retard restent en tête.</source>
        <translation>Overdue appointments stay at the top.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="123"/>
        <source>Orientations à suivre</source>
        <translation>Referrals to follow up</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="125"/>
        <source>En retard d&apos;abord. Sur la ligne choisie : H honoré, N non honoré, A annulé, R rendez-vous pris, P proposé ; Ctrl+Z annule le dernier changement.</source>
        <translation>Overdue first. On the selected row: H attended, N missed, A cancelled, R appointment booked, P proposed; Ctrl+Z undoes the last change.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="138"/>
        <source>{label} ({key})</source>
        <translation>{label} ({key})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="143"/>
        <source>Marquer l&apos;orientation choisie « {label} » (touche {key})</source>
        <translation>Mark the selected referral “{label}” (key {key})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="152"/>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="156"/>
        <source>Remettre le statut précédent de la dernière orientation modifiée</source>
        <translation>Restore the previous status of the last changed referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="173"/>
        <source>Changer le statut de l&apos;orientation choisie</source>
        <translation>Change the status of the selected referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="177"/>
        <source>&amp;Statut :</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="224"/>
        <source>Personne à rappeler.</source>
        <translation>Nobody to call back.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="226"/>
        <source>Aucune orientation avec ce statut.</source>
        <translation>No referral with this status.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="228"/>
        <source>{n} orientation</source>
        <translation>{n} referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="228"/>
        <source>{n} orientations</source>
        <translation>{n} referrals</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="230"/>
        <source>{count}, dont {late} rendez-vous en retard (sans résultat noté).</source>
        <translation>{count}, including {late} overdue appointments (no outcome recorded).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="232"/>
        <source>{count}, aucune en retard.</source>
        <translation>{count}, none overdue.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="335"/>
        <source>Sélectionnez d&apos;abord une orientation dans la liste.</source>
        <translation>First select a referral in the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="343"/>
        <source>Rouvrir une orientation</source>
        <translation>Reopen a referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="344"/>
        <source>Remettre « {label} »</source>
        <translation>Set back to “{label}”</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="345"/>
        <source>Continuer ?</source>
        <translation>Continue?</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="376"/>
        <source>{structure} : « {label} » enregistré.</source>
        <translation>{structure}: “{label}” saved.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="380"/>
        <source>Ctrl+Z remet « {previous} ».</source>
        <translation>Ctrl+Z restores “{previous}”.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="393"/>
        <source>Le statut n&apos;a pas pu être enregistré. Réessayez dans un instant.</source>
        <translation>The status could not be saved. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="164"/>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="302"/>
        <source>Effacer les données de cette personne</source>
        <translation>Erase this person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="298"/>
        <source>Effacer les données personnelles de cette personne ? Son nom, son téléphone, son courriel et la note sont effacés définitivement ; l&apos;orientation reste suivie, sans identité.</source>
        <translation>Erase this person&apos;s personal data? Their name, phone, e-mail and note are erased for good; the referral is still followed up, without identity.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="303"/>
        <source>Effacer définitivement</source>
        <translation>Erase for good</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/suivi/screen.py" line="312"/>
        <source>Données personnelles effacées ; l&apos;orientation reste suivie.</source>
        <translation>Personal data erased; the referral is still followed up.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="32"/>
        <source>Récapitulatif</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="33"/>
        <source>Vérifiez puis validez : rien n&apos;est enregistré avant.</source>
        <translation>Check, then confirm: nothing is saved before that.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="35"/>
        <source>&amp;Créer</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="36"/>
        <source>Choix faits</source>
        <translation>Choices made</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="37"/>
        <source>Où sont les données</source>
        <translation>Where the data is</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="38"/>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="50"/>
        <source>Les données restent sur cet ordinateur, dans le dossier&#xa0;:
{folder}
(base {database}, clés du poste dans keys/, journaux dans logs/). Seul votre compte peut lire ce dossier.</source>
        <translation>The data stays on this computer, in the folder:
{folder}
(database {database}, desk keys in keys/, logs in logs/). Only your account can read this folder.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="61"/>
        <source>Poste d&apos;accueil : {nom} ({reseau})</source>
        <translation>Front desk: {nom} ({reseau})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="64"/>
        <source>Permanences : {places}</source>
        <translation>Outreach sessions: {places}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="67"/>
        <source>Coordination régionale</source>
        <translation>Regional coordination office</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="68"/>
        <source>Premier agent : {name}</source>
        <translation>First agent: {name}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="69"/>
        <source>Annuaire : {source}</source>
        <translation>Directory: {source}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="74"/>
        <source>l&apos;annuaire d&apos;exemple</source>
        <translation>the sample directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="76"/>
        <source>plus tard</source>
        <translation>later</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="81"/>
        <source>Sauvegardes : SPRO Desk copie sa base chaque jour dans backups/ (les 7 derniers jours et 4 semaines avant sont gardés), et avant chaque mise à jour qui modifie la base. Ces copies restent sur cet ordinateur : copiez aussi régulièrement tout le dossier sur un support externe rangé à part. Une copie se restaure par « spro-desk backup restore ».</source>
        <translation>Backups: SPRO Desk copies its database every day into backups/ (the last 7 days and the 4 weeks before are kept), and before each update that changes the database. These copies stay on this computer: also copy the whole folder regularly to external storage kept somewhere else. A copy is restored with “spro-desk backup restore”.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="89"/>
        <source>Les clés de la coordination (keys/) sont indispensables pour lire les envois des postes : gardez-en une copie en lieu sûr.</source>
        <translation>The coordination office&apos;s keys (keys/) are essential for reading the desks&apos; bundles: keep a copy of them somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/first_run/summary_page.py" line="94"/>
        <source>Chaque semaine, l&apos;envoi à la coordination emporte aussi les passages enregistrés (sans données personnelles).</source>
        <translation>Every week, the bundle sent to the coordination office also carries the visits recorded (with no personal data).</translation>
    </message>
</context>
<context>
    <name>SummaryRow</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/tiles.py" line="83"/>
        <source>Chiffres clés</source>
        <translation>Key figures</translation>
    </message>
</context>
<context>
    <name>SyncRounds</name>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/rounds.py" line="101"/>
        <source>Synchronisation en cours…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/rounds.py" line="144"/>
        <source>La synchronisation a échoué de façon inattendue ; les envois restent en attente et seront réessayés.</source>
        <translation>Synchronisation failed unexpectedly; the bundles are still waiting and will be retried.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/rounds.py" line="148"/>
        <source>Synchronisation impossible (voir l&apos;écran Synchronisation)</source>
        <translation>Synchronisation failed (see the Synchronisation screen)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/rounds.py" line="153"/>
        <source>Synchronisation déjà en cours ailleurs</source>
        <translation>Synchronisation already in progress elsewhere</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/rounds.py" line="156"/>
        <source>{n} envoi en attente</source>
        <translation>{n} bundle waiting</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/rounds.py" line="156"/>
        <source>{n} envois en attente</source>
        <translation>{n} bundles waiting</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/rounds.py" line="158"/>
        <source>Synchronisation : {waiting}, nouvel essai plus tard</source>
        <translation>Synchronisation: {waiting}, will try again later</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/rounds.py" line="161"/>
        <source>Synchronisé à {time}</source>
        <translation>Synchronised at {time}</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="55"/>
        <source>Ce poste n&apos;a pas encore d&apos;identité de synchronisation : créez-la (elle reprend le nom, le réseau et la commune du site réglés dans Paramètres), puis envoyez le fichier d&apos;inscription à votre coordination.</source>
        <translation>This desk does not have a synchronisation identity yet: create it (it uses the site name, network and municipality set in Settings), then send the registration file to your coordination office.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="62"/>
        <source>Ce poste ne connaît pas encore son coordinateur : importez le fichier d&apos;identité que votre coordination vous a remis. Sans lui, rien ne peut être chiffré pour elle.</source>
        <translation>This desk does not know its coordinator yet: import the identity file your coordination office gave you. Without it, nothing can be encrypted for them.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="68"/>
        <source>Ce poste n&apos;est pas encore inscrit auprès de votre coordination (aucun accusé de réception reçu) : tant qu&apos;elle n&apos;a pas importé son fichier d&apos;inscription, elle refuse ses envois. Enregistrez le fichier d&apos;inscription et remettez-le-lui.</source>
        <translation>This desk is not registered with your coordination yet (no acknowledgement received): until it has imported the desk&apos;s registration file, it refuses its bundles. Save the registration file and hand it over.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="81"/>
        <source>{n} événement pas encore confirmé par le coordinateur</source>
        <translation>{n} event not yet confirmed by the coordinator</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="84"/>
        <source>{n} événements pas encore confirmés par le coordinateur</source>
        <translation>{n} events not yet confirmed by the coordinator</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="90"/>
        <source>{n} envoi dans la file vers le serveur</source>
        <translation>{n} bundle in the queue to the server</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="91"/>
        <source>{n} envois dans la file vers le serveur</source>
        <translation>{n} bundles in the queue to the server</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="100"/>
        <source>Envoi n° {n} préparé (aucun export sur clé depuis cet écran).</source>
        <translation>Bundle no. {n} prepared (no export to a USB stick from this screen).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="103"/>
        <source>Aucun export pour l&apos;instant.</source>
        <translation>No export yet.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="106"/>
        <source>{n} événement</source>
        <translation>{n} event</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="107"/>
        <source>{n} événements</source>
        <translation>{n} events</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="109"/>
        <source>Envoi n° {sequence}, le {when}, dans {folder} ({events}).</source>
        <translation>Bundle no. {sequence}, on {when}, in {folder} ({events}).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="122"/>
        <source>Aucun accusé de réception du coordinateur pour l&apos;instant.</source>
        <translation>No acknowledgement from the coordinator yet.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="126"/>
        <source>Le coordinateur a tout reçu jusqu&apos;à l&apos;événement n° {n}.</source>
        <translation>The coordinator has received everything up to event no. {n}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="129"/>
        <source>Le coordinateur a tout reçu jusqu&apos;à l&apos;événement n° {n} (reçu le {when}).</source>
        <translation>The coordinator has received everything up to event no. {n} (received on {when}).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="137"/>
        <source>aujourd&apos;hui</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="139"/>
        <source>hier</source>
        <translation>yesterday</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="140"/>
        <source>il y a {n} jours</source>
        <translation>{n} days ago</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="146"/>
        <source>Aucun annuaire installé.</source>
        <translation>No directory installed.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="149"/>
        <source>Annuaire importé le {when} ({age}), hors mise à jour signée.</source>
        <translation>Directory imported on {when} ({age}), outside any signed update.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="152"/>
        <source>Version {version}, importée le {when} ({age}), valable jusqu&apos;au {until}.</source>
        <translation>Version {version}, imported on {when} ({age}), valid until {until}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="166"/>
        <source>Aucun serveur réglé : les envois partent sur clé USB. Pour envoyer par Internet, indiquez l&apos;adresse WebDAV de votre coordination dans Paramètres.</source>
        <translation>No server set: bundles go out on a USB stick. To send over the Internet, enter your coordination office&apos;s WebDAV address in Settings.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="171"/>
        <source>Serveur : {url}</source>
        <translation>Server: {url}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="178"/>
        <source>Aucun échange avec le serveur pour l&apos;instant.</source>
        <translation>No exchange with the server yet.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="186"/>
        <source>Dernier échange le {when} : {message}</source>
        <translation>Last exchange on {when}: {message}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/summary.py" line="196"/>
        <source>Dernier échange réussi le {when}.</source>
        <translation>Last successful exchange on {when}.</translation>
    </message>
</context>
<context>
    <name>SynchronisationScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/app/screens.py" line="44"/>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="87"/>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="62"/>
        <source>Ce qui manque pour synchroniser</source>
        <translation>What is missing to synchronise</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="63"/>
        <source>&amp;Créer l&apos;identité du poste</source>
        <translation>&amp;Create the desk identity</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="64"/>
        <source>Enregistrer le fichier d&apos;&amp;inscription…</source>
        <translation>Save the &amp;registration file…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="65"/>
        <source>Importer l&apos;identité du coo&amp;rdinateur…</source>
        <translation>Import the c&amp;oordinator&apos;s identity…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="66"/>
        <source>En attente de confirmation</source>
        <translation>Waiting for confirmation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="67"/>
        <source>Dernier export</source>
        <translation>Last export</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="68"/>
        <source>&amp;Exporter sur une clé maintenant…</source>
        <translation>Export to a USB s&amp;tick now…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="69"/>
        <source>Dernier accusé de réception</source>
        <translation>Last acknowledgement</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="70"/>
        <source>Version et âge de l&apos;annuaire</source>
        <translation>Directory version and age</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="71"/>
        <source>Avertissement sur l&apos;annuaire</source>
        <translation>Directory warning</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="72"/>
        <source>Serveur de synchronisation</source>
        <translation>Synchronisation server</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="73"/>
        <source>En&amp;voyer maintenant</source>
        <translation>Se&amp;nd now</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="74"/>
        <source>Opération en cours</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="95"/>
        <source>Envois en attente vers le serveur</source>
        <translation>Bundles waiting to go to the server</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="96"/>
        <source>Un envoi quitte la file quand le serveur l&apos;a confirmé, octet pour octet.</source>
        <translation>A bundle leaves the queue once the server has confirmed it, byte for byte.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="105"/>
        <source>Crée la clé de signature du poste avec le site réglé dans Paramètres.</source>
        <translation>Creates the desk&apos;s signing key with the site set in Settings.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="108"/>
        <source>Écrit le fichier à remettre à votre coordination pour inscrire ce poste.</source>
        <translation>Writes the file to give your coordination office to register this desk.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="111"/>
        <source>Lit le fichier d&apos;identité remis par votre coordination : ses clés publiques.</source>
        <translation>Reads the identity file given by your coordination office: its public keys.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="114"/>
        <source>Écrit l&apos;envoi chiffré de tout ce que le coordinateur n&apos;a pas confirmé dans le dossier choisi (une clé USB).</source>
        <translation>Writes the encrypted bundle of everything the coordinator has not confirmed into the chosen folder (a USB stick).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="118"/>
        <source>Envoie au serveur ce qui attend et reçoit les mises à jour, sans attendre le prochain passage automatique.</source>
        <translation>Sends the server what is waiting and receives updates, without waiting for the next automatic round.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="126"/>
        <source>Progression de la synchronisation</source>
        <translation>Synchronisation progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="149"/>
        <source>Mise en service</source>
        <translation>Setting up</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="160"/>
        <source>En attente</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="162"/>
        <source>Clé USB</source>
        <translation>USB stick</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="164"/>
        <source>Accusé de réception</source>
        <translation>Acknowledgement</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="165"/>
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="166"/>
        <source>Fi&amp;le d&apos;envoi :</source>
        <translation>Outgoing &amp;queue:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="170"/>
        <source>Serveur</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="175"/>
        <source>État de la synchronisation</source>
        <translation>Synchronisation status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="192"/>
        <source>Échange avec le serveur…</source>
        <translation>Exchanging with the server…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="255"/>
        <source>L&apos;état de la synchronisation n&apos;a pas pu être lu. Réessayez dans un instant.</source>
        <translation>The synchronisation status could not be read. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="281"/>
        <source>Choisir la clé USB (ou le dossier) où écrire l&apos;envoi</source>
        <translation>Choose the USB stick (or the folder) to write the bundle to</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="298"/>
        <source>Écriture de l&apos;envoi dans {folder}…</source>
        <translation>Writing the bundle to {folder}…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="308"/>
        <source>Envoi n° {sequence} écrit et relu : {path}. Remettez la clé à votre coordination.</source>
        <translation>Bundle no. {sequence} written and read back: {path}. Give the stick to your coordination office.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="322"/>
        <source>L&apos;envoi n&apos;a pas pu être écrit ({reason}) : vérifiez que la clé est branchée, non protégée en écriture et pas pleine, puis recommencez.</source>
        <translation>The bundle could not be written ({reason}): check that the stick is plugged in, not write-protected and not full, then try again.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="327"/>
        <source>L&apos;export a échoué de façon inattendue ; rien n&apos;a été perdu.</source>
        <translation>The export failed unexpectedly; nothing was lost.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="334"/>
        <source>Un échange avec le serveur est déjà en cours.</source>
        <translation>An exchange with the server is already in progress.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="344"/>
        <source>Un autre échange était en cours : réessayez dans un instant.</source>
        <translation>Another exchange was in progress: try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="347"/>
        <source>Échange interrompu : {error}</source>
        <translation>Exchange interrupted: {error}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="351"/>
        <source>{n} envoi confirmé par le serveur.</source>
        <translation>{n} bundle confirmed by the server.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="352"/>
        <source>{n} envois confirmés par le serveur.</source>
        <translation>{n} bundles confirmed by the server.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/synchronisation/screen.py" line="355"/>
        <source>Rien de nouveau à envoyer.</source>
        <translation>Nothing new to send.</translation>
    </message>
</context>
<context>
    <name>TileButton</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/tiles.py" line="52"/>
        <source>{detail}. Entrée : le détail de ce chiffre.</source>
        <translation>{detail}. Enter: the detail of this figure.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/dashboard/tiles.py" line="49"/>
        <source>{label}&#xa0;: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="40"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="41"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="42"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="43"/>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="44"/>
        <source>Réponses</source>
        <translation>Responses</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="45"/>
        <source>Orient.</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="51"/>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="70"/>
        <source>Au&amp;jourd&apos;hui</source>
        <translation>Toda&amp;y</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="73"/>
        <source>Modifier (Entrée)</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="74"/>
        <source>Supprimer (Suppr)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="106"/>
        <source>Supprimer le contact</source>
        <translation>Delete the contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="160"/>
        <source>Contacts enregistrés aujourd&apos;hui</source>
        <translation>Contacts recorded today</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="162"/>
        <source>Entrée ouvre le contact pour le modifier ; Suppr le supprime.</source>
        <translation>Enter opens the contact for editing; Del deletes it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="164"/>
        <source>Modifier le contact sélectionné</source>
        <translation>Edit the selected contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="165"/>
        <source>Supprimer le contact sélectionné</source>
        <translation>Delete the selected contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="167"/>
        <source>Demande confirmation ; Ctrl+Z rétablit le contact.</source>
        <translation>Asks for confirmation; Ctrl+Z restores the contact.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="185"/>
        <source>Aucun contact aujourd&apos;hui.</source>
        <translation>No contacts today.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="187"/>
        <source>1 contact aujourd&apos;hui</source>
        <translation>1 contact today</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="189"/>
        <source>{n} contacts aujourd&apos;hui</source>
        <translation>{n} contacts today</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="40"/>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="41"/>
        <source>Annuler la suppression</source>
        <translation>Undo the deletion</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="42"/>
        <source>Rétablit le dernier contact supprimé.</source>
        <translation>Restores the last deleted contact.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="37"/>
        <source>Scolaire (collégien, lycéen)</source>
        <translation>School pupil (secondary school)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="38"/>
        <source>Étudiant</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="39"/>
        <source>Apprenti</source>
        <translation>Apprentice</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="40"/>
        <source>Jeune sorti sans diplôme, sans emploi ni formation</source>
        <translation>Young person who left school without a qualification, not in work or training</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="43"/>
        <source>Demandeur d&apos;emploi</source>
        <translation>Jobseeker</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="44"/>
        <source>Salarié</source>
        <translation>Employee</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="45"/>
        <source>Cadre</source>
        <translation>Manager or professional</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="46"/>
        <source>Indépendant</source>
        <translation>Self-employed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="47"/>
        <source>Bénévole</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="48"/>
        <source>Retraité</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="49"/>
        <source>Parent, famille</source>
        <translation>Parent, family</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="50"/>
        <location filename="../../src/spro_desk/vocab.py" line="66"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="60"/>
        <location filename="../../src/spro_desk/vocab.py" line="67"/>
        <source>Non renseigné</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="54"/>
        <source>Moins de 16 ans</source>
        <translation>Under 16</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="55"/>
        <source>16-17 ans</source>
        <translation>16-17 years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="56"/>
        <source>18-25 ans</source>
        <translation>18-25 years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="57"/>
        <source>26-44 ans</source>
        <translation>26-44 years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="58"/>
        <source>45-54 ans</source>
        <translation>45-54 years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="59"/>
        <source>55 ans et plus</source>
        <translation>55 and over</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="64"/>
        <source>Femme</source>
        <translation>Woman</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="65"/>
        <source>Homme</source>
        <translation>Man</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/labels.py" line="75"/>
        <source>Non demandé</source>
        <translation>Not asked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/labels.py" line="76"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/labels.py" line="77"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="28"/>
        <source>Accueil physique</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="29"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="30"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="31"/>
        <source>Visioconférence</source>
        <translation>Video call</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="32"/>
        <source>Permanence</source>
        <translation>Outreach session</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="33"/>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="71"/>
        <source>Information orale</source>
        <translation>Verbal information</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="72"/>
        <source>Documentation remise</source>
        <translation>Documents handed out</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="73"/>
        <source>Outil numérique</source>
        <translation>Digital tool</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="74"/>
        <source>Atelier collectif</source>
        <translation>Group workshop</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="75"/>
        <source>Orientation vers un partenaire</source>
        <translation>Referral to a partner</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="76"/>
        <location filename="../../src/spro_desk/vocab.py" line="86"/>
        <source>Rendez-vous pris</source>
        <translation>Appointment booked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="80"/>
        <source>Information (adresse remise)</source>
        <translation>Information (address given)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="85"/>
        <source>Proposé</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="87"/>
        <source>Honoré</source>
        <translation>Attended</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="88"/>
        <source>Non honoré</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="89"/>
        <source>Annulé</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/vocab.py" line="81"/>
        <source>Rendez-vous</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/labels.py" line="84"/>
        <source>Prise de rendez-vous et suivi de l&apos;orientation</source>
        <translation>Booking appointments and following up the referral</translation>
    </message>
</context>
<context>
    <name>WeekMatrix</name>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/week_matrix.py" line="21"/>
        <source>Envois reçus par poste et par semaine</source>
        <translation>Bundles received per desk and per week</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/week_matrix.py" line="24"/>
        <source>Une ligne par poste actif, une colonne par semaine (du lundi), selon le jour où le poste a fait l&apos;envoi ; un tiret : rien reçu cette semaine-là.</source>
        <translation>One row per active desk, one column per week (from Monday), by the day the desk made the bundle; a dash: nothing received that week.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/week_matrix.py" line="37"/>
        <source>sem. du {day}</source>
        <translation>week of {day}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/coordination/week_matrix.py" line="44"/>
        <source>Aucun envoi fait cette semaine-là</source>
        <translation>No bundle made that week</translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="59"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="60"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="61"/>
        <source>non demandé</source>
        <translation>not asked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="74"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="75"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="76"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="77"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="78"/>
        <source>Finalité</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="79"/>
        <source>Texte présenté</source>
        <translation>Wording shown</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="80"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="81"/>
        <source>Donné le</source>
        <translation>Given on</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="82"/>
        <source>Données effacées le</source>
        <translation>Data erased on</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="83"/>
        <source>Motif de l&apos;effacement</source>
        <translation>Reason for erasure</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="84"/>
        <source>Date du contact</source>
        <translation>Date of contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="85"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="86"/>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="87"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="88"/>
        <source>Tranche d&apos;âge</source>
        <translation>Age band</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="89"/>
        <source>Sexe</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="90"/>
        <source>Handicap</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="91"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="92"/>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="93"/>
        <source>Réponses apportées</source>
        <translation>Responses given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="94"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="95"/>
        <source>Supprimé le</source>
        <translation>Deleted on</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="96"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="97"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="98"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="99"/>
        <source>Rendez-vous le</source>
        <translation>Appointment on</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="100"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="101"/>
        <source>Proposée le</source>
        <translation>Proposed on</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="102"/>
        <source>Mise à jour le</source>
        <translation>Updated on</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="108"/>
        <source>Données de cette personne</source>
        <translation>This person&apos;s data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="109"/>
        <source>Coordonnées affichées</source>
        <translation>Contact details shown</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="110"/>
        <source>Coordonnées imprimées (fiche de liaison)</source>
        <translation>Contact details printed (referral slip)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="111"/>
        <source>Copie remise à la personne</source>
        <translation>Copy handed to the person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="112"/>
        <source>Coordonnées corrigées</source>
        <translation>Contact details corrected</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="113"/>
        <source>Coordonnées effacées</source>
        <translation>Contact details erased</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="114"/>
        <source>à l&apos;écran</source>
        <translation>on screen</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="115"/>
        <source>en PDF</source>
        <translation>as PDF</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="116"/>
        <source>en JSON</source>
        <translation>as JSON</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="65"/>
        <source>Consentement</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="66"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="62"/>
        <source>Données détenues par ce poste au %s</source>
        <translation>Data held by this desk on %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="63"/>
        <source>Coordonnées (avec l&apos;accord de la personne)</source>
        <translation>Contact details (with the person&apos;s consent)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="64"/>
        <source>aucune : jamais données, ou effacées</source>
        <translation>none: never given, or erased</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="67"/>
        <source>Orientations (%d)</source>
        <translation>Referrals (%d)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/common/person_data_dialog.py" line="68"/>
        <source>Journal des accès à ces données (%d)</source>
        <translation>Log of accesses to this data (%d)</translation>
    </message>
</context>
</TS>
