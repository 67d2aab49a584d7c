<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="fr_FR">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/spro_desk/ui/app.py" line="70"/>
        <source>La base de données «&#xa0;{path}&#xa0;» ne peut pas être ouverte ({error}). Vérifiez que le dossier est accessible et qu&apos;aucune autre fenêtre de SPRO Desk ne l&apos;utilise.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryImportController</name>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="56"/>
        <source>Chargement de l&apos;annuaire d&apos;exemple…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="59"/>
        <source>Import de «&#xa0;{name}&#xa0;»…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="98"/>
        <source>L&apos;import a échoué à cause d&apos;une erreur inattendue ({error}). L&apos;annuaire actuel est conservé.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="58"/>
        <source>Nombre de résultats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="75"/>
        <source>Rechercher un service, une structure, une commune…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="77"/>
        <source>Rechercher dans l&apos;annuaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="79"/>
        <source>Les résultats s&apos;affichent pendant la frappe. Entrée passe aux résultats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="102"/>
        <source>Résultats de la recherche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="103"/>
        <source>Un service par ligne ; sa fiche s&apos;affiche à côté.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="110"/>
        <source>Fiche du service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="111"/>
        <source>Coordonnées, horaires et publics du service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="160"/>
        <source>Aucun service ne correspond à cette recherche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="162"/>
        <source>Les {n} premiers services sont affichés : précisez la recherche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/directory_view.py" line="184"/>
        <source>Sélectionnez un service pour afficher sa fiche.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyStatePanel</name>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="27"/>
        <source>L&apos;annuaire des partenaires est vide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="34"/>
        <source>Pour rechercher un partenaire, SPRO Desk a besoin d&apos;un annuaire. Chargez l&apos;annuaire d&apos;exemple (Centre-Val de Loire) pour découvrir l&apos;application, ou importez l&apos;export data·inclusion de votre région : un dossier contenant structures.json et services.json, ou une archive .zip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="43"/>
        <source>Charger l&apos;annuaire d&apos;exemple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="45"/>
        <source>Importe l&apos;annuaire d&apos;exemple fourni avec SPRO Desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="48"/>
        <source>Importer un annuaire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/empty_state.py" line="50"/>
        <source>Choisir un dossier ou une archive .zip exportés de data·inclusion.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/spro_desk/ui/errors.py" line="38"/>
        <source>SPRO Desk ne peut pas démarrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/errors.py" line="72"/>
        <source>Erreur inattendue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/errors.py" line="73"/>
        <source>Une erreur inattendue s&apos;est produite. L&apos;opération en cours n&apos;a peut-être pas abouti ; les données déjà enregistrées sont conservées.

Si le problème se reproduit, transmettez le détail ci-dessous au support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="61"/>
        <source>{date} à {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="84"/>
        <source>{n} structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="85"/>
        <source>{n} structures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="92"/>
        <source>{n} service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="93"/>
        <source>{n} services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="100"/>
        <source>Annuaire vide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/formatting.py" line="104"/>
        <source>{counts} · importé le {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="107"/>
        <source>Annuaire importé : {structures}, {services}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/import_flow.py" line="112"/>
        <source> ({rejected} lignes rejetées, {warnings} avertissements)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="47"/>
        <source>SPRO Desk — Annuaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="67"/>
        <source>État de l&apos;annuaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="69"/>
        <source>Barre d&apos;état</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="82"/>
        <source>&amp;Importer un annuaire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="84"/>
        <source>Importer un export data·inclusion (dossier ou archive .zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="86"/>
        <source>&amp;Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="86"/>
        <source>Fermer SPRO Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="88"/>
        <source>&amp;Rechercher dans l&apos;annuaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="90"/>
        <source>Placer le curseur dans la zone de recherche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="92"/>
        <source>&amp;Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="96"/>
        <source>&amp;Édition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="148"/>
        <source>Importer un annuaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="151"/>
        <source>Export data·inclusion (*.zip structures.json services.json);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="171"/>
        <source>Import impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/main_window.py" line="174"/>
        <source>Import annulé : l&apos;annuaire actuel est conservé.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressIndicator</name>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="22"/>
        <source>Progression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="24"/>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="25"/>
        <source>Annuler l&apos;opération en cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="27"/>
        <source>Arrête l&apos;opération ; les données actuelles sont conservées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/status.py" line="53"/>
        <source>Annulation…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceDetail</name>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="59"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="61"/>
        <source>Téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="63"/>
        <source>Courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="65"/>
        <source>Site web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="85"/>
        <source>… et {n} autres zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="91"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="93"/>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="148"/>
        <source>Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="106"/>
        <source>Présentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="110"/>
        <source>Lieu d&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="114"/>
        <source>Contact du service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="118"/>
        <source>Horaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="122"/>
        <source>Publics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="126"/>
        <source>Thématiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="130"/>
        <source>Zone d&apos;éligibilité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="141"/>
        <source>Réseau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/service_detail.py" line="160"/>
        <source>Mise à jour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceResultsModel</name>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="124"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="125"/>
        <source>Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="126"/>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="127"/>
        <source>Réseau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/spro_desk/ui/models.py" line="128"/>
        <source>Horaires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
