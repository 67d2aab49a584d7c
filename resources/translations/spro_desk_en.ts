<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AccueilScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="56"/>
        <source>Orienter (Ctrl+O)</source>
        <translation>Refer (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="57"/>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="149"/>
        <source>Abandonner la modification</source>
        <translation>Discard the changes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/__init__.py" line="36"/>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="74"/>
        <source>Accueil</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="88"/>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="217"/>
        <source>Enregistrer le contact</source>
        <translation>Save the contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="92"/>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="145"/>
        <source>Enregistrer et orienter</source>
        <translation>Save and refer</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="95"/>
        <source>Rétablir le dernier contact supprimé</source>
        <translation>Restore the last deleted contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="106"/>
        <source>Formulaire du contact</source>
        <translation>Contact form</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="147"/>
        <source>Enregistre le contact puis cherche les structures adaptées à la personne.</source>
        <translation>Saves the contact, then looks for organisations suited to the person.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="151"/>
        <source>Laisse le contact tel qu&apos;il était et vide le formulaire.</source>
        <translation>Leaves the contact as it was and clears the form.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="153"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="206"/>
        <source>Saisie en cours retrouvée : SPRO Desk s&apos;était fermé avant son enregistrement. Vérifiez-la puis enregistrez (les coordonnées personnelles ne sont jamais conservées hors de la base).</source>
        <translation>Unsaved entry recovered: SPRO Desk closed before it was recorded. Check it, then record it (personal details are never kept outside the database).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="216"/>
        <source>Enregistrer (Ctrl+Entrée)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="224"/>
        <source>Choisissez le statut de la personne (une touche suffit).</source>
        <translation>Choose the person&apos;s status (one key is enough).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="243"/>
        <source>Contact non enregistré : %s</source>
        <translation>Contact not saved: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="256"/>
        <source>Contact de %s modifié.</source>
        <translation>Contact at %s updated.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="258"/>
        <source>Contact enregistré à %s.</source>
        <translation>Contact saved at %s.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="267"/>
        <source>Commune : %s.</source>
        <translation>Municipality: %s.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="306"/>
        <source>Enregistrer la modification (Ctrl+Entrée)</source>
        <translation>Save the changes (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="307"/>
        <source>Enregistrer la modification du contact</source>
        <translation>Save the changes to the contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="315"/>
        <source>Saisie en cours</source>
        <translation>Entry in progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="317"/>
        <source>Le formulaire contient une saisie non enregistrée. L&apos;abandonner pour modifier le contact choisi ?</source>
        <translation>The form holds an unsaved entry. Discard it to edit the selected contact?</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="320"/>
        <source>Abandonner la saisie</source>
        <translation>Discard the entry</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="326"/>
        <source>Modification abandonnée : le contact est inchangé.</source>
        <translation>Changes discarded: the contact is unchanged.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="333"/>
        <source>Supprimer le contact de %s ? Ctrl+Z le rétablit.</source>
        <translation>Delete the contact at %s? Ctrl+Z restores it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="335"/>
        <source>Supprimer un contact</source>
        <translation>Delete a contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="335"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="345"/>
        <source>Contact de %s supprimé.</source>
        <translation>Contact at %s deleted.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/accueil.py" line="364"/>
        <source>Contact rétabli.</source>
        <translation>Contact restored.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/spro_desk/ui/app.py" line="148"/>
        <source>La base de données «&#xa0;{path}&#xa0;» ne peut pas être ouverte ({error}). Vérifiez que le dossier est accessible et qu&apos;aucune autre fenêtre de SPRO Desk ne l&apos;utilise.</source>
        <translation>The database “{path}” cannot be opened ({error}). Check that the folder is accessible and that no other SPRO Desk window is using it.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/bar_chart.py" line="64"/>
        <source>{label}&#xa0;: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/bar_chart.py" line="65"/>
        <source> ; </source>
        <translation>; </translation>
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
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="57"/>
        <source>Orienter vers ce service</source>
        <translation>Refer to this service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="60"/>
        <source>&amp;Information : l&apos;adresse est remise à la personne</source>
        <translation>&amp;Information only: the person is given the address</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="62"/>
        <source>&amp;Rendez-vous pris pour la personne</source>
        <translation>&amp;Appointment booked for the person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="64"/>
        <source>Ouverture au moment choisi</source>
        <translation>Open at the chosen time</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="68"/>
        <source>Données personnelles</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="88"/>
        <source>Date et heure du rendez-vous</source>
        <translation>Appointment date and time</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="91"/>
        <source>Flèches haut et bas pour changer la partie sélectionnée ; Alt+Bas : calendrier.</source>
        <translation>Up and Down arrows change the selected part; Alt+Down: calendar.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="101"/>
        <source>&amp;Enregistrer l&apos;orientation</source>
        <translation>&amp;Save referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="102"/>
        <source>Enregistrer l&apos;orientation</source>
        <translation>Save the referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="104"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="105"/>
        <source>Annuler sans rien enregistrer</source>
        <translation>Cancel without saving anything</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="111"/>
        <source>Information seulement</source>
        <translation>Information only</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="112"/>
        <source>Rendez-vous</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="114"/>
        <source>L&apos;heure choisie est comparée aux horaires d&apos;ouverture du service.</source>
        <translation>The chosen time is checked against the service&apos;s opening hours.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="118"/>
        <source>La personne a donné son accord : son nom peut figurer sur la fiche de liaison et être communiqué au service.</source>
        <translation>The person has consented: their name may appear on the referral slip and be passed on to the service.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="123"/>
        <source>Pas de consentement enregistré : aucune donnée personnelle n&apos;est transmise ni imprimée, la fiche de liaison reste anonyme. Pour prendre un rendez-vous au nom de la personne, recueillez d&apos;abord son accord dans l&apos;écran Accueil.</source>
        <translation>No consent recorded: no personal data is passed on or printed, and the referral slip stays anonymous. To book an appointment in the person&apos;s name, first obtain their consent on the Front desk screen.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="130"/>
        <source>Service choisi</source>
        <translation>Chosen service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="134"/>
        <source>Horaires d&apos;ouverture du service</source>
        <translation>The service&apos;s opening hours</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="137"/>
        <source>Service :</source>
        <translation>Service:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="138"/>
        <source>Horaires :</source>
        <translation>Opening hours:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="139"/>
        <source>&amp;Date et heure :</source>
        <translation>&amp;Date and time:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="166"/>
        <source>Ce moment est déjà passé : choisissez une date à venir.</source>
        <translation>This time has already passed: choose a future date.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="171"/>
        <source>aucune ouverture connue dans les deux semaines qui suivent.</source>
        <translation>no known opening in the next two weeks.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="173"/>
        <source>il ouvre le {moment}.</source>
        <translation>it opens on {moment}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="174"/>
        <source>Le service est fermé à ce moment : {detail}</source>
        <translation>The service is closed at that time: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="197"/>
        <source>Horaires non renseignés ou incertains : confirmez l&apos;heure avec le service.</source>
        <translation>Opening hours missing or uncertain: confirm the time with the service.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="199"/>
        <source>Le service est ouvert à ce moment.</source>
        <translation>The service is open at that time.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="210"/>
        <source>Vérifier le rendez-vous</source>
        <translation>Check the appointment</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="211"/>
        <source>{problem}

Garder ce moment quand même ?</source>
        <translation>{problem}

Keep this time anyway?</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="214"/>
        <source>&amp;Garder ce moment</source>
        <translation>&amp;Keep this time</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/booking_dialog.py" line="215"/>
        <source>&amp;Changer l&apos;heure</source>
        <translation>&amp;Change the time</translation>
    </message>
</context>
<context>
    <name>CommuneField</name>
    <message>
        <location filename="../../src/spro_desk/ui/directory/commune_field.py" line="43"/>
        <source>Nom ou code postal</source>
        <translation>Name or postcode</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory/commune_field.py" line="94"/>
        <source>Aucune commune ne correspond à ce texte.</source>
        <translation>No municipality matches this text.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/commune_field.py" line="39"/>
        <source>Nom, code postal ou code INSEE</source>
        <translation>Name, postcode or INSEE code</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/confirm.py" line="22"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
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
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="59"/>
        <source>Consentement de la personne</source>
        <translation>The person&apos;s consent</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="62"/>
        <source>Cochez seulement si la personne accepte le texte affiché ; les coordonnées ne peuvent être saisies qu&apos;ensuite. Décocher efface les coordonnées.</source>
        <translation>Tick only if the person accepts the text shown; contact details can be entered only after that. Unticking clears the contact details.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="66"/>
        <source>Texte du consentement</source>
        <translation>Consent text</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="68"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="69"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="70"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="71"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/consent.py" line="75"/>
        <source>Donnée personnelle : saisie possible après consentement.</source>
        <translation>Personal data: can be entered after consent.</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="45"/>
        <source>Une touche : S, E, A, J, D…</source>
        <translation>One key: S, E, A, J, D…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="50"/>
        <source>Nom ou code postal…</source>
        <translation>Name or postcode…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="61"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="62"/>
        <source>non renseignée</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="87"/>
        <source>L&apos;essentiel</source>
        <translation>Essentials</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="89"/>
        <source>&amp;Statut :</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="90"/>
        <source>&amp;Besoins :</source>
        <translation>&amp;Needs:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="91"/>
        <source>&amp;Réponses :</source>
        <translation>&amp;Responses:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="95"/>
        <source>La personne (facultatif)</source>
        <translation>The person (optional)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="97"/>
        <source>Tranche d&apos;â&amp;ge :</source>
        <translation>Age &amp;band:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="98"/>
        <source>Se&amp;xe :</source>
        <translation>Se&amp;x:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="99"/>
        <source>&amp;Handicap :</source>
        <translation>&amp;Disability:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="100"/>
        <source>Co&amp;mmune :</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="104"/>
        <source>Le contact</source>
        <translation>The contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="106"/>
        <source>&amp;Canal :</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="107"/>
        <source>&amp;Lieu :</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="108"/>
        <source>Date et he&amp;ure :</source>
        <translation>Date and t&amp;ime:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="109"/>
        <source>&amp;Durée :</source>
        <translation>D&amp;uration:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="128"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="129"/>
        <source>Tranche d&apos;âge</source>
        <translation>Age band</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="130"/>
        <source>Sexe (déclaré, facultatif)</source>
        <translation>Sex (self-declared, optional)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="131"/>
        <source>Situation de handicap</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="132"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="136"/>
        <source>Une touche choisit : %s</source>
        <translation>One key chooses: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="138"/>
        <source>Réponses données</source>
        <translation>Responses given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="140"/>
        <source>Une touche coche ou décoche : %s</source>
        <translation>One key ticks or unticks: %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="143"/>
        <source>Commune de résidence</source>
        <translation>Municipality of residence</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="145"/>
        <source>Tapez le nom (accents facultatifs) ou le code postal, puis Entrée.</source>
        <translation>Type the name (accents optional) or the postcode, then Enter.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="147"/>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="148"/>
        <source>Lieu de la permanence</source>
        <translation>Outreach venue</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="149"/>
        <source>Actif seulement pour le canal Permanence.</source>
        <translation>Only for the Outreach session channel.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="150"/>
        <source>Date et heure du contact</source>
        <translation>Contact date and time</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="152"/>
        <source>Par défaut, l&apos;heure de l&apos;enregistrement ; modifiable pour une saisie tardive.</source>
        <translation>By default, the time of saving; change it when recording later.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="154"/>
        <source>Durée en minutes</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="155"/>
        <source>Facultative ; 0 signifie non renseignée.</source>
        <translation>Optional; 0 means not given.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="156"/>
        <source>Contact en cours de modification</source>
        <translation>Contact being edited</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="299"/>
        <source>Modification du contact de %s.</source>
        <translation>Editing the contact at %s.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/form.py" line="301"/>
        <source>Ses coordonnées enregistrées restent inchangées.</source>
        <translation>Their saved contact details stay unchanged.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="58"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="59"/>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="63"/>
        <source>Contacts par canal</source>
        <translation>Contacts by channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="65"/>
        <source>Contacts par statut</source>
        <translation>Contacts by status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="67"/>
        <source>Contacts par besoin</source>
        <translation>Contacts by need</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="70"/>
        <source>Orientations par résultat</source>
        <translation>Referrals by outcome</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="72"/>
        <source>Orientations par type</source>
        <translation>Referrals by type</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="76"/>
        <source>Totaux</source>
        <translation>Totals</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="43"/>
        <source>Cette &amp;semaine</source>
        <translation>This &amp;week</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="44"/>
        <source>Ce &amp;mois</source>
        <translation>This &amp;month</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/__init__.py" line="39"/>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="57"/>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="73"/>
        <source>Chiffres de la période</source>
        <translation>Figures for the period</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="75"/>
        <source>Les mêmes chiffres que les graphiques, en tableau.</source>
        <translation>The same figures as the charts, as a table.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="81"/>
        <source>Activité du lundi au dimanche de cette semaine</source>
        <translation>Activity from Monday to Sunday this week</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="82"/>
        <source>Activité du mois en cours</source>
        <translation>Activity this month</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="87"/>
        <source>Période affichée</source>
        <translation>Period shown</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="88"/>
        <source>Totaux de la période</source>
        <translation>Totals for the period</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="123"/>
        <source>Graphiques de la période</source>
        <translation>Charts for the period</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="150"/>
        <source>Rien sur la période.</source>
        <translation>Nothing in this period.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="155"/>
        <source>Du {start} au {end}</source>
        <translation>From {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="160"/>
        <source>{n} contact</source>
        <translation>{n} contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="160"/>
        <source>{n} contacts</source>
        <translation>{n} contacts</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="162"/>
        <source>{n} orientation</source>
        <translation>{n} referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/dashboard.py" line="162"/>
        <source>{n} orientations</source>
        <translation>{n} referrals</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/dates.py" line="27"/>
        <source>1er</source>
        <translation>1er</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/dates.py" line="28"/>
        <source>{weekday} {day} {month} {year}</source>
        <translation>{weekday} {day} {month} {year}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/dates.py" line="43"/>
        <source>{date} à {time}</source>
        <translation>{date} à {time}</translation>
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
        <location filename="../../src/spro_desk/ui/import_flow.py" line="56"/>
        <source>Chargement de l&apos;annuaire d&apos;exemple…</source>
        <translation>Loading the sample directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="59"/>
        <source>Import de «&#xa0;{name}&#xa0;»…</source>
        <translation>Importing “{name}”…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="98"/>
        <source>L&apos;import a échoué à cause d&apos;une erreur inattendue ({error}). L&apos;annuaire actuel est conservé.</source>
        <translation>The import failed because of an unexpected error ({error}). The current directory is kept.</translation>
    </message>
</context>
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="46"/>
        <source>Annuaire des partenaires</source>
        <translation>Partner directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="51"/>
        <source>&amp;Importer un annuaire…</source>
        <translation>&amp;Import a directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="54"/>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="70"/>
        <source>Annuler l&apos;import</source>
        <translation>Cancel the import</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="63"/>
        <source>Source de l&apos;annuaire</source>
        <translation>Directory source</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="64"/>
        <source>Date d&apos;import de l&apos;annuaire</source>
        <translation>Directory import date</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="65"/>
        <source>Fraîcheur des fiches</source>
        <translation>Record freshness</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="66"/>
        <source>Contenu de l&apos;annuaire</source>
        <translation>Directory contents</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="67"/>
        <source>Importer un annuaire</source>
        <translation>Import a directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="68"/>
        <source>Progression de l&apos;import</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="69"/>
        <source>Étape de l&apos;import</source>
        <translation>Import step</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="71"/>
        <source>Résultat du dernier import</source>
        <translation>Result of the last import</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="75"/>
        <source>Remplace l&apos;annuaire par un export data·inclusion (dossier ou archive .zip).</source>
        <translation>Replaces the directory with a data·inclusion export (folder or .zip archive).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="78"/>
        <source>Arrête l&apos;import ; l&apos;annuaire actuel est conservé.</source>
        <translation>Stops the import; the current directory is kept.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="83"/>
        <source>Source :</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="84"/>
        <source>Importé le :</source>
        <translation>Imported on:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="85"/>
        <source>Fiches mises à jour :</source>
        <translation>Records updated:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="86"/>
        <source>Contenu :</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="100"/>
        <source>Aucun import</source>
        <translation>No import yet</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="104"/>
        <source>Annuaire vide</source>
        <translation>Empty directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="113"/>
        <source>{n} ligne rejetée</source>
        <translation>{n} row rejected</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="113"/>
        <source>{n} lignes rejetées</source>
        <translation>{n} rows rejected</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="117"/>
        <source>{n} avertissement</source>
        <translation>{n} warning</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="117"/>
        <source>{n} avertissements</source>
        <translation>{n} warnings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="131"/>
        <source>la plus récente le {newest}{age}, la plus ancienne le {oldest}</source>
        <translation>newest on {newest}{age}, oldest on {oldest}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="149"/>
        <source> (aujourd&apos;hui)</source>
        <translation> (today)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="151"/>
        <source> (hier)</source>
        <translation> (yesterday)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/directory_panel.py" line="152"/>
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
    <name>DirectoryView</name>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="61"/>
        <source>Nombre de résultats</source>
        <translation>Number of results</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="83"/>
        <source>Rechercher un service, une structure, une commune…</source>
        <translation>Search for a service, an organisation, a municipality…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="85"/>
        <source>Rechercher dans l&apos;annuaire</source>
        <translation>Search the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="87"/>
        <source>Les résultats s&apos;affichent pendant la frappe. Entrée passe aux résultats.</source>
        <translation>Results appear as you type. Enter moves to the results.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="110"/>
        <source>Résultats de la recherche</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="111"/>
        <source>Un service par ligne ; sa fiche s&apos;affiche à côté.</source>
        <translation>One service per row; its details appear alongside.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="118"/>
        <source>Fiche du service</source>
        <translation>Service details</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="119"/>
        <source>Coordonnées, horaires et publics du service.</source>
        <translation>The service&apos;s contact details, opening hours and audiences.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="169"/>
        <source>Aucun service ne correspond à cette recherche avec ces filtres.</source>
        <translation>No service matches this search with these filters.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="171"/>
        <source>Aucun service ne correspond à cette recherche.</source>
        <translation>No service matches this search.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="173"/>
        <source>{n} premiers services affichés ; la suite vient en faisant défiler.</source>
        <translation>First {n} services shown; scroll for more.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="195"/>
        <source>Sélectionnez un service pour afficher sa fiche.</source>
        <translation>Select a service to see its details.</translation>
    </message>
</context>
<context>
    <name>EmptyStatePanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="27"/>
        <source>L&apos;annuaire des partenaires est vide</source>
        <translation>The partner directory is empty</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="34"/>
        <source>Pour rechercher un partenaire, SPRO Desk a besoin d&apos;un annuaire. Chargez l&apos;annuaire d&apos;exemple (Centre-Val de Loire) pour découvrir l&apos;application, ou importez l&apos;export data·inclusion de votre région : un dossier contenant structures.json et services.json, ou une archive .zip.</source>
        <translation>To look up a partner, SPRO Desk needs a directory. Load the sample directory (Centre-Val de Loire) to try the application, or import your region&apos;s data·inclusion export: a folder holding structures.json and services.json, or a .zip archive.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="43"/>
        <source>Charger l&apos;annuaire d&apos;exemple</source>
        <translation>Load the sample directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="45"/>
        <source>Importe l&apos;annuaire d&apos;exemple fourni avec SPRO Desk.</source>
        <translation>Imports the sample directory shipped with SPRO Desk.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="48"/>
        <source>Importer un annuaire…</source>
        <translation>Import a directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="50"/>
        <source>Choisir un dossier ou une archive .zip exportés de data·inclusion.</source>
        <translation>Choose a folder or a .zip archive exported from data·inclusion.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/spro_desk/ui/errors.py" line="38"/>
        <source>SPRO Desk ne peut pas démarrer</source>
        <translation>SPRO Desk cannot start</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/errors.py" line="72"/>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/errors.py" line="73"/>
        <source>Une erreur inattendue s&apos;est produite. L&apos;opération en cours n&apos;a peut-être pas abouti ; les données déjà enregistrées sont conservées.

Si le problème se reproduit, transmettez le détail ci-dessous au support.</source>
        <translation>An unexpected error occurred. The current operation may not have completed; data already saved is kept.

If the problem happens again, send the details below to support.</translation>
    </message>
</context>
<context>
    <name>FiguresTableModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="125"/>
        <source>Rubrique</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="125"/>
        <source>Libellé</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/dashboard/figures.py" line="125"/>
        <source>Nombre</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/follow_up_model.py" line="75"/>
        <source>Date du contact</source>
        <translation>Contact date</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/follow_up_model.py" line="76"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/follow_up_model.py" line="77"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/follow_up_model.py" line="78"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/follow_up_model.py" line="79"/>
        <source>Rendez-vous</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/follow_up_model.py" line="80"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/follow_up_model.py" line="87"/>
        <source>En retard · {statut}</source>
        <translation>Overdue · {statut}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/follow_up_model.py" line="105"/>
        <source>Motif :
{motif}</source>
        <translation>Reason:
{motif}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="61"/>
        <source>{date} à {time}</source>
        <translation>{date} at {time}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="87"/>
        <source>{n} structure</source>
        <translation>{n} organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="88"/>
        <source>{n} structures</source>
        <translation>{n} organisations</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="95"/>
        <source>{n} service</source>
        <translation>{n} service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="96"/>
        <source>{n} services</source>
        <translation>{n} services</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="103"/>
        <source>Annuaire vide</source>
        <translation>Empty directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="107"/>
        <source>{counts} · importé le {when}</source>
        <translation>{counts} · imported on {when}</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="107"/>
        <source>Annuaire importé : {structures}, {services}</source>
        <translation>Directory imported: {structures}, {services}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="116"/>
        <source>{n} ligne rejetée</source>
        <translation>{n} row rejected</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="117"/>
        <source>{n} lignes rejetées</source>
        <translation>{n} rows rejected</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="121"/>
        <source>{n} avertissement</source>
        <translation>{n} warning</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="122"/>
        <source>{n} avertissements</source>
        <translation>{n} warnings</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="71"/>
        <location filename="../../src/spro_desk/ui/main_window.py" line="73"/>
        <source>Écrans de SPRO Desk</source>
        <translation>SPRO Desk screens</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="92"/>
        <source>État de l&apos;annuaire</source>
        <translation>Directory status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="94"/>
        <source>Barre d&apos;état</source>
        <translation>Status bar</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="107"/>
        <source>&amp;Importer un annuaire…</source>
        <translation>&amp;Import a directory…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="109"/>
        <source>Importer un export data·inclusion (dossier ou archive .zip)</source>
        <translation>Import a data·inclusion export (folder or .zip archive)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="111"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="111"/>
        <source>Fermer SPRO Desk</source>
        <translation>Close SPRO Desk</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="113"/>
        <source>&amp;Rechercher dans l&apos;annuaire</source>
        <translation>&amp;Find in the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="115"/>
        <source>Placer le curseur dans la zone de recherche</source>
        <translation>Move the cursor to the search box</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="117"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="121"/>
        <source>&amp;Édition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="123"/>
        <source>&amp;Aller à</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="127"/>
        <source>Afficher l&apos;écran %s</source>
        <translation>Show the %s screen</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="185"/>
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="197"/>
        <source>SPRO Desk — %s</source>
        <translation>SPRO Desk — %s</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="217"/>
        <source>Importer un annuaire</source>
        <translation>Import a directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="220"/>
        <source>Export data·inclusion (*.zip structures.json services.json);;Tous les fichiers (*)</source>
        <translation>data·inclusion export (*.zip structures.json services.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="241"/>
        <source>Import impossible</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="244"/>
        <source>Import annulé : l&apos;annuaire actuel est conservé.</source>
        <translation>Import cancelled: the current directory is kept.</translation>
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
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="118"/>
        <source>Rechercher un besoin</source>
        <translation>Search for a need</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="121"/>
        <source>Tapez un mot d&apos;une thématique puis Entrée pour l&apos;ajouter. Champ vide : un chiffre ajoute un besoin fréquent (%s) ; Retour arrière retire le dernier.</source>
        <translation>Type a word from a theme, then Enter to add it. Empty field: a digit adds a frequent need (%s); Backspace removes the last one.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="126"/>
        <source>Besoins retenus</source>
        <translation>Selected needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/needs_field.py" line="128"/>
        <source>Suppr ou double-clic retire le besoin sélectionné.</source>
        <translation>Del or double-click removes the selected need.</translation>
    </message>
</context>
<context>
    <name>NeedsPicker</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="74"/>
        <source>Filtrer les besoins…</source>
        <translation>Filter the needs…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="75"/>
        <source>Filtrer les besoins</source>
        <translation>Filter the needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="77"/>
        <source>Tapez un mot ; Flèche bas passe à la liste, Espace coche un besoin.</source>
        <translation>Type a word; Down arrow moves to the list, Space ticks a need.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="82"/>
        <source>Besoins de la personne</source>
        <translation>The person&apos;s needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="84"/>
        <source>Espace coche ou décoche le besoin sélectionné.</source>
        <translation>Space ticks or unticks the selected need.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="89"/>
        <source>Besoins choisis</source>
        <translation>Chosen needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="152"/>
        <source>Besoins : {labels}</source>
        <translation>Needs: {labels}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/needs_picker.py" line="154"/>
        <source>Aucun besoin coché.</source>
        <translation>No need ticked.</translation>
    </message>
</context>
<context>
    <name>OrientationScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="56"/>
        <source>Message de l&apos;écran Orientation</source>
        <translation>Referral screen message</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="58"/>
        <source>&amp;Suggérer</source>
        <translation>S&amp;uggest</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="58"/>
        <source>Chercher les services adaptés à ce profil (Entrée)</source>
        <translation>Find services suited to this profile (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="61"/>
        <source>&amp;Nouvelle personne</source>
        <translation>Ne&amp;w person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="61"/>
        <source>Vider le profil pour une autre personne</source>
        <translation>Clear the profile for another person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="64"/>
        <source>&amp;Orienter…</source>
        <translation>&amp;Refer…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="64"/>
        <source>Orienter vers le service sélectionné (Ctrl+Entrée)</source>
        <translation>Refer to the selected service (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="67"/>
        <source>A&amp;utre service…</source>
        <translation>&amp;Other service…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="67"/>
        <source>Choisir n&apos;importe quel service de l&apos;annuaire</source>
        <translation>Choose any service from the directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/__init__.py" line="37"/>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="77"/>
        <source>Orientation</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="85"/>
        <source>Services suggérés</source>
        <translation>Suggested services</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="86"/>
        <source>Du plus adapté au moins adapté ; Ctrl+Entrée oriente vers la ligne choisie.</source>
        <translation>Best match first; Ctrl+Enter refers to the selected row.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="101"/>
        <source>Pourquoi ce service</source>
        <translation>Why this service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="103"/>
        <source>Les raisons de la suggestion, à lire à la personne.</source>
        <translation>Why this service is suggested, to read to the person.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="126"/>
        <source>Suggestions (la personne choisit) :</source>
        <translation>Suggestions (the person chooses):</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="184"/>
        <source>Profil vidé : saisissez la nouvelle personne.</source>
        <translation>Profile cleared: enter the new person.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="199"/>
        <source>Recherche des services adaptés…</source>
        <translation>Looking for suitable services…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="211"/>
        <source>Aucun service de l&apos;annuaire ne répond à ces besoins pour cette commune : élargissez les besoins ou choisissez « Autre service… ».</source>
        <translation>No service in the directory meets these needs for this municipality: widen the needs or choose “Other service…”.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="215"/>
        <source>{n} services suggérés, du plus adapté au moins adapté.</source>
        <translation>{n} services suggested, best match first.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="229"/>
        <source>Les suggestions n&apos;ont pas pu être calculées. Réessayez ; si le problème continue, cherchez dans l&apos;Annuaire.</source>
        <translation>The suggestions could not be computed. Try again; if the problem persists, search the Directory.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="260"/>
        <source>Sélectionnez d&apos;abord un service dans la liste des suggestions.</source>
        <translation>First select a service in the list of suggestions.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="273"/>
        <source>Choisissez le statut de la personne avant de l&apos;orienter.</source>
        <translation>Choose the person&apos;s status before referring them.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="289"/>
        <source>Orientation enregistrée vers {structure}.</source>
        <translation>Referral to {structure} saved.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/orientation.py" line="298"/>
        <source>L&apos;annuaire a été mis à jour : relancez la suggestion.</source>
        <translation>The directory has been updated: run the suggestion again.</translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/screens/base.py" line="35"/>
        <source>Écran en cours de construction.</source>
        <translation>Screen under construction.</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="35"/>
        <source>Personne à orienter</source>
        <translation>Person to refer</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="41"/>
        <source>&amp;Handicap (RQTH obtenue ou en cours)</source>
        <translation>&amp;Disability (RQTH obtained or pending)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="63"/>
        <source>— Choisir un statut —</source>
        <translation>— Choose a status —</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="71"/>
        <source>Non renseigné</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="72"/>
        <source> ans</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="77"/>
        <source>Commune de résidence</source>
        <translation>Municipality of residence</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="79"/>
        <source>Tapez un nom, un code postal ou un code INSEE ; choisissez dans la liste.</source>
        <translation>Type a name, a postcode or an INSEE code; choose from the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="82"/>
        <source>Commune retenue</source>
        <translation>Selected municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="83"/>
        <source>Statut de la personne</source>
        <translation>The person&apos;s status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="84"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="86"/>
        <source>Facultatif ; la plus petite valeur le laisse vide.</source>
        <translation>Optional; the lowest value leaves it blank.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="88"/>
        <source>Situation de handicap</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="90"/>
        <source>Reconnaissance de travailleur handicapé obtenue ou en cours.</source>
        <translation>Recognised disabled worker status (RQTH) obtained or pending.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="95"/>
        <source>&amp;Commune :</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="97"/>
        <source>S&amp;tatut :</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="98"/>
        <source>Â&amp;ge :</source>
        <translation>&amp;Age:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="102"/>
        <source>&amp;Besoins :</source>
        <translation>&amp;Needs:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="142"/>
        <source>Indiquez la commune de la personne (nom, code postal ou code INSEE).</source>
        <translation>Enter the person&apos;s municipality (name, postcode or INSEE code).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="146"/>
        <source>Choisissez le statut de la personne.</source>
        <translation>Choose the person&apos;s status.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="160"/>
        <source>Commune retenue : {commune}</source>
        <translation>Selected municipality: {commune}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/profile_panel.py" line="162"/>
        <source>Commune introuvable : vérifiez le nom ou le code postal.</source>
        <translation>Municipality not found: check the name or the postcode.</translation>
    </message>
</context>
<context>
    <name>ProgressIndicator</name>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="22"/>
        <source>Progression</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="24"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="25"/>
        <source>Annuler l&apos;opération en cours</source>
        <translation>Cancel the current operation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="27"/>
        <source>Arrête l&apos;opération ; les données actuelles sont conservées.</source>
        <translation>Stops the operation; the current data is kept.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="53"/>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ServiceDetail</name>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="61"/>
        <source>Accessibilité</source>
        <translation>Accessibility</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="65"/>
        <source>Accueil</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="78"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="80"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="82"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="84"/>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="102"/>
        <source>De {low} à {high} ans</source>
        <translation>From {low} to {high} years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="104"/>
        <source>À partir de {low} ans</source>
        <translation>From {low} years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="106"/>
        <source>Jusqu&apos;à {high} ans</source>
        <translation>Up to {high} years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="115"/>
        <source>Statuts accueillis</source>
        <translation>Statuses served</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="128"/>
        <source>Gratuit</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="129"/>
        <source>Payant</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="137"/>
        <source>Frais</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="151"/>
        <source>… et {n} autres zones</source>
        <translation>… and {n} other areas</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="157"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="159"/>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="201"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="170"/>
        <source>Présentation</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="172"/>
        <source>Lieu d&apos;accueil</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="174"/>
        <source>Contact du service</source>
        <translation>Service contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="176"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="178"/>
        <source>Publics</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="179"/>
        <source>Conditions d&apos;accès</source>
        <translation>Access conditions</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="181"/>
        <source>Thématiques</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="183"/>
        <source>Zone d&apos;éligibilité</source>
        <translation>Eligibility area</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="194"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="213"/>
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
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="59"/>
        <source>Nombre de résultats</source>
        <translation>Number of results</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="69"/>
        <source>Services de l&apos;annuaire</source>
        <translation>Directory services</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="70"/>
        <source>Entrée choisit le service sélectionné.</source>
        <translation>Enter chooses the selected service.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="72"/>
        <source>&amp;Choisir ce service</source>
        <translation>&amp;Choose this service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="73"/>
        <source>Choisir ce service</source>
        <translation>Choose this service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="75"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="76"/>
        <source>Annuler sans choisir de service</source>
        <translation>Cancel without choosing a service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/service_picker.py" line="96"/>
        <source>Aucun service ne correspond.</source>
        <translation>No matching service.</translation>
    </message>
</context>
<context>
    <name>ServiceResultsModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="167"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="168"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="169"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="170"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="171"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../src/spro_desk/ui/settings/editors.py" line="75"/>
        <source>{value} (valeur inconnue)</source>
        <translation>{value} (unknown value)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/editors.py" line="100"/>
        <source>{label} : «&#xa0;{text}&#xa0;» ne correspond à aucune commune. Tapez le nom ou le code postal et choisissez dans la liste.</source>
        <translation>{label}: “{text}” matches no municipality. Type the name or the postcode and choose from the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/editors.py" line="120"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/editors.py" line="121"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/editors.py" line="132"/>
        <source>Nouvelle valeur : {label}</source>
        <translation>New value: {label}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/editors.py" line="135"/>
        <source>Tapez puis Entrée pour ajouter</source>
        <translation>Type, then Enter to add</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/editors.py" line="138"/>
        <source>Ajouter à la liste : {label}</source>
        <translation>Add to the list: {label}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/editors.py" line="143"/>
        <source>Retirer la ligne choisie : {label}</source>
        <translation>Remove the selected row: {label}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="18"/>
        <source>Langue de l&apos;ordinateur</source>
        <translation>Computer&apos;s language</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="26"/>
        <source>Nom du site</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="27"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="28"/>
        <source>Commune du site</source>
        <translation>Site municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="29"/>
        <source>Canal par défaut</source>
        <translation>Default channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="30"/>
        <source>Lieux de permanence</source>
        <translation>Outreach venues</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="31"/>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="43"/>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="44"/>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="32"/>
        <source>Agent en poste</source>
        <translation>Agent on duty</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="33"/>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="45"/>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="42"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="47"/>
        <source>Autres réglages</source>
        <translation>Other settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="60"/>
        <source>La langue prend effet au prochain démarrage de SPRO Desk.</source>
        <translation>The language takes effect the next time SPRO Desk starts.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="63"/>
        <source>Tapez le nom ou le code postal, puis choisissez dans la liste.</source>
        <translation>Type the name or the postcode, then choose from the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="66"/>
        <source>Lieux où le site tient des permanences, proposés à l&apos;accueil.</source>
        <translation>Places where the site holds outreach sessions, offered on the Front desk screen.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/settings/labels.py" line="69"/>
        <source>Personnes qui enregistrent les contacts sur ce poste.</source>
        <translation>People who record contacts on this computer.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="42"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="43"/>
        <source>Rétablir</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/__init__.py" line="40"/>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="55"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="60"/>
        <source>Enregistrer les paramètres</source>
        <translation>Save the settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="62"/>
        <source>Vérifie puis enregistre tous les réglages du site.</source>
        <translation>Checks, then saves all the site&apos;s settings.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="64"/>
        <source>Rétablir les paramètres enregistrés</source>
        <translation>Revert to the saved settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="67"/>
        <source>Résultat de l&apos;enregistrement</source>
        <translation>Save result</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="91"/>
        <source>Réglages du site</source>
        <translation>Site settings</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="108"/>
        <source>{label}&#xa0;:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/settings_screen.py" line="167"/>
        <source>Paramètres enregistrés.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="70"/>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="194"/>
        <source>Fiche de liaison</source>
        <translation>Referral slip</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="73"/>
        <source>Enregistrer en &amp;PDF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="75"/>
        <source>Enregistrer la fiche dans un fichier PDF</source>
        <translation>Save the slip as a PDF file</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="78"/>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="78"/>
        <source>Imprimer la fiche de liaison</source>
        <translation>Print the referral slip</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="80"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="80"/>
        <source>Fermer sans imprimer</source>
        <translation>Close without printing</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="93"/>
        <source>A4 (feuille entière)</source>
        <translation>A4 (full sheet)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="94"/>
        <source>A5 (demi-feuille)</source>
        <translation>A5 (half sheet)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="97"/>
        <source>Format du papier</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="98"/>
        <source>A4 ou A5, pour le PDF comme pour l&apos;imprimante.</source>
        <translation>A4 or A5, for the PDF and the printer alike.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="120"/>
        <source>Création de la fiche en cours</source>
        <translation>Creating the slip</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="124"/>
        <source>État de la fiche</source>
        <translation>Slip status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="125"/>
        <source>F&amp;ormat :</source>
        <translation>Paper &amp;size:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="133"/>
        <source>Contenu de la fiche</source>
        <translation>Slip contents</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="134"/>
        <source>Données personnelles</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="143"/>
        <source>Sans rendez-vous.</source>
        <translation>No appointment.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="145"/>
        <source>Rendez-vous le {moment}.</source>
        <translation>Appointment on {moment}.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="150"/>
        <source>Le nom de la personne figure sur la fiche (consentement enregistré).</source>
        <translation>The person&apos;s name appears on the slip (consent recorded).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="151"/>
        <source>Fiche anonyme : aucune donnée personnelle n&apos;y figure.</source>
        <translation>Anonymous slip: no personal data on it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="171"/>
        <source>Enregistrer la fiche de liaison</source>
        <translation>Save the referral slip</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="173"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="185"/>
        <source>Création du PDF…</source>
        <translation>Creating the PDF…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="206"/>
        <source>Impression…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="238"/>
        <source>Fiche enregistrée : {path}</source>
        <translation>Slip saved: {path}</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="242"/>
        <source>Fiche envoyée à l&apos;imprimante.</source>
        <translation>Slip sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="248"/>
        <source>La fiche n&apos;a pas pu être enregistrée ({reason}). Choisissez un autre dossier ou un autre nom de fichier.</source>
        <translation>The slip could not be saved ({reason}). Choose another folder or another file name.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/slip_dialog.py" line="254"/>
        <source>La fiche n&apos;a pas pu être créée. Réessayez ; si le problème continue, notez l&apos;adresse du service pour la personne.</source>
        <translation>The slip could not be created. Try again; if the problem persists, write down the service&apos;s address for the person.</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="86"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="87"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="88"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="89"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="90"/>
        <source>Pourquoi</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="98"/>
        <source>Service choisi dans l&apos;annuaire (hors suggestions).</source>
        <translation>Service chosen from the directory (not a suggestion).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="105"/>
        <source>annuaire</source>
        <translation>directory</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/orientation/suggestion_model.py" line="113"/>
        <source>choisi dans l&apos;annuaire</source>
        <translation>chosen from the directory</translation>
    </message>
</context>
<context>
    <name>SuiviScreen</name>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="59"/>
        <source>Résumé du suivi</source>
        <translation>Follow-up summary</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="60"/>
        <source>Message de l&apos;écran Suivi</source>
        <translation>Follow-up screen message</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/__init__.py" line="38"/>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="72"/>
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="78"/>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="81"/>
        <source>Filtrer par statut</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="82"/>
        <source>Les rendez-vous en retard restent en tête.</source>
        <translation>Overdue appointments stay at the top.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="89"/>
        <source>Orientations à suivre</source>
        <translation>Referrals to follow up</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="91"/>
        <source>En retard d&apos;abord. Sur la ligne choisie : H honoré, N non honoré, A annulé, R rendez-vous pris, P proposé ; Ctrl+Z annule le dernier changement.</source>
        <translation>Overdue first. On the selected row: H attended, N missed, A cancelled, R appointment booked, P proposed; Ctrl+Z undoes the last change.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="106"/>
        <source>{label} ({key})</source>
        <translation>{label} ({key})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="111"/>
        <source>Marquer l&apos;orientation choisie « {label} » (touche {key})</source>
        <translation>Mark the selected referral “{label}” (key {key})</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="120"/>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="124"/>
        <source>Remettre le statut précédent de la dernière orientation modifiée</source>
        <translation>Restore the previous status of the last changed referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="136"/>
        <source>Changer le statut de l&apos;orientation choisie</source>
        <translation>Change the status of the selected referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="146"/>
        <source>&amp;Statut :</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="183"/>
        <source>Aucune orientation avec ce statut.</source>
        <translation>No referral with this status.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="185"/>
        <source>{n} orientation</source>
        <translation>{n} referral</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="185"/>
        <source>{n} orientations</source>
        <translation>{n} referrals</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="187"/>
        <source>{count}, dont {late} rendez-vous en retard (sans résultat noté).</source>
        <translation>{count}, including {late} overdue appointments (no outcome recorded).</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="189"/>
        <source>{count}, aucune en retard.</source>
        <translation>{count}, none overdue.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="213"/>
        <source>Sélectionnez d&apos;abord une orientation dans la liste.</source>
        <translation>First select a referral in the list.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="237"/>
        <source>{structure} : « {label} » enregistré.</source>
        <translation>{structure}: “{label}” saved.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="241"/>
        <source>Ctrl+Z remet « {previous} ».</source>
        <translation>Ctrl+Z restores “{previous}”.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/screens/suivi.py" line="254"/>
        <source>Le statut n&apos;a pas pu être enregistré. Réessayez dans un instant.</source>
        <translation>The status could not be saved. Try again in a moment.</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="38"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="39"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="40"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="41"/>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="42"/>
        <source>Réponses</source>
        <translation>Responses</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today.py" line="43"/>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="67"/>
        <source>Au&amp;jourd&apos;hui</source>
        <translation>Toda&amp;y</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="70"/>
        <source>Modifier (Entrée)</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="71"/>
        <source>Supprimer (Suppr)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="100"/>
        <source>Supprimer le contact</source>
        <translation>Delete the contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="122"/>
        <source>Contacts enregistrés aujourd&apos;hui</source>
        <translation>Contacts recorded today</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="124"/>
        <source>Entrée ouvre le contact pour le modifier ; Suppr le supprime.</source>
        <translation>Enter opens the contact for editing; Del deletes it.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="126"/>
        <source>Nombre de contacts aujourd&apos;hui</source>
        <translation>Number of contacts today</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="127"/>
        <source>Modifier le contact sélectionné</source>
        <translation>Edit the selected contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="128"/>
        <source>Supprimer le contact sélectionné</source>
        <translation>Delete the selected contact</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="130"/>
        <source>Demande confirmation ; Ctrl+Z rétablit le contact.</source>
        <translation>Asks for confirmation; Ctrl+Z restores the contact.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="148"/>
        <source>Aucun contact aujourd&apos;hui.</source>
        <translation>No contacts today.</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="150"/>
        <source>1 contact aujourd&apos;hui</source>
        <translation>1 contact today</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="152"/>
        <source>{n} contacts aujourd&apos;hui</source>
        <translation>{n} contacts today</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="36"/>
        <source>Suppression effectuée</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="37"/>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="38"/>
        <source>Annuler la suppression</source>
        <translation>Undo the deletion</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/accueil/today_panel.py" line="39"/>
        <source>Rétablit le dernier contact supprimé.</source>
        <translation>Restores the last deleted contact.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="29"/>
        <source>Scolaire (collégien, lycéen)</source>
        <translation>School pupil (secondary school)</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="30"/>
        <source>Étudiant</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="31"/>
        <source>Apprenti</source>
        <translation>Apprentice</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="35"/>
        <source>Jeune sorti sans diplôme, sans emploi ni formation</source>
        <translation>Young person who left school without a qualification, not in work or training</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="37"/>
        <source>Demandeur d&apos;emploi</source>
        <translation>Jobseeker</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="38"/>
        <source>Salarié</source>
        <translation>Employee</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="39"/>
        <source>Cadre</source>
        <translation>Manager or professional</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="40"/>
        <source>Indépendant</source>
        <translation>Self-employed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="41"/>
        <source>Bénévole</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="42"/>
        <source>Retraité</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="43"/>
        <source>Parent, famille</source>
        <translation>Parent, family</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="44"/>
        <location filename="../../src/spro_desk/ui/labels.py" line="61"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="48"/>
        <location filename="../../src/spro_desk/ui/labels.py" line="58"/>
        <source>Non renseigné</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="49"/>
        <source>Moins de 16 ans</source>
        <translation>Under 16</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="50"/>
        <source>16-17 ans</source>
        <translation>16-17 years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="51"/>
        <source>18-25 ans</source>
        <translation>18-25 years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="52"/>
        <source>26-44 ans</source>
        <translation>26-44 years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="53"/>
        <source>45-54 ans</source>
        <translation>45-54 years</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="54"/>
        <source>55 ans et plus</source>
        <translation>55 and over</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="59"/>
        <source>Femme</source>
        <translation>Woman</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="60"/>
        <source>Homme</source>
        <translation>Man</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="67"/>
        <source>Non demandé</source>
        <translation>Not asked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="68"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="69"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="73"/>
        <source>Accueil physique</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="74"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="75"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="76"/>
        <source>Visioconférence</source>
        <translation>Video call</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="77"/>
        <source>Permanence</source>
        <translation>Outreach session</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="78"/>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="82"/>
        <source>Information orale</source>
        <translation>Verbal information</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="83"/>
        <source>Documentation remise</source>
        <translation>Documents handed out</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="84"/>
        <source>Outil numérique</source>
        <translation>Digital tool</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="85"/>
        <source>Atelier collectif</source>
        <translation>Group workshop</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="86"/>
        <source>Orientation vers un partenaire</source>
        <translation>Referral to a partner</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="87"/>
        <location filename="../../src/spro_desk/ui/labels.py" line="92"/>
        <source>Rendez-vous pris</source>
        <translation>Appointment booked</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="91"/>
        <source>Proposé</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="93"/>
        <source>Honoré</source>
        <translation>Attended</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="94"/>
        <source>Non honoré</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="95"/>
        <source>Annulé</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="99"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/labels.py" line="100"/>
        <source>Rendez-vous</source>
        <translation>Appointment</translation>
    </message>
</context>
</TS>
