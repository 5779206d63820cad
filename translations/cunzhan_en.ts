<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Pickup</name>
    <message numerus="yes">
        <source>The handover of %1 was more than %n minute(s) ago and can no longer be undone.</source>
        <translation>
            <numerusform>The handover of %1 was more than %n minute ago and can no longer be undone.</numerusform>
            <numerusform>The handover of %1 was more than %n minutes ago and can no longer be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These parcels belong to %n different people (%1). Hand over one person&apos;s parcels at a time, or confirm that one person collects for all of them.</source>
        <translation>
            <numerusform>These parcels belong to %n person (%1). Hand over one person&apos;s parcels at a time, or confirm that one person collects for all of them.</numerusform>
            <numerusform>These parcels belong to %n different people (%1). Hand over one person&apos;s parcels at a time, or confirm that one person collects for all of them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message numerus="yes">
        <source>Parcels arrived on %1: %n</source>
        <translation>
            <numerusform>Parcels arrived on %1: %n</numerusform>
            <numerusform>Parcels arrived on %1: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message numerus="yes">
        <source>Too many wrong PINs for %1: try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs for %1: try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs for %1: try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message numerus="yes">
        <source>%1 (%n parcel(s))</source>
        <translation>
            <numerusform>%1 (%n parcel)</numerusform>
            <numerusform>%1 (%n parcels)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cunzhanctl</name>
    <message numerus="yes">
        <source>Handed over %n parcel(s). Fee to collect: %1.</source>
        <translation>
            <numerusform>Handed over %n parcel. Fee to collect: %1.</numerusform>
            <numerusform>Handed over %n parcels. Fee to collect: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %n reminder(s).</source>
        <translation>
            <numerusform>Queued %n reminder.</numerusform>
            <numerusform>Queued %n reminders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) arrived on %1.</source>
        <translation>
            <numerusform>%n parcel arrived on %1.</numerusform>
            <numerusform>%n parcels arrived on %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 spaces in use on %n place(s).</source>
        <translation>
            <numerusform>%1 of %2 spaces in use on %n place.</numerusform>
            <numerusform>%1 of %2 spaces in use on %n places.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) moved.</source>
        <translation>
            <numerusform>%n record moved.</numerusform>
            <numerusform>%n records moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rate(s).</source>
        <translation>
            <numerusform>Imported %n rate.</numerusform>
            <numerusform>Imported %n rates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kg</source>
        <translation>
            <numerusform>%n kg</numerusform>
            <numerusform>%n kg</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bag(s), %1 parcel(s).</source>
        <translation>
            <numerusform>%n bag, %1 parcel(s).</numerusform>
            <numerusform>%n bags, %1 parcel(s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is in bag %2 (seal %3), which holds %n parcel(s).</source>
        <translation>
            <numerusform>%1 is in bag %2 (seal %3), which holds %n parcel.</numerusform>
            <numerusform>%1 is in bag %2 (seal %3), which holds %n parcels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still waiting in %1.</source>
        <translation>
            <numerusform>%n job still waiting in %1.</numerusform>
            <numerusform>%n jobs still waiting in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printed %n waiting job(s).</source>
        <translation>
            <numerusform>Printed %n waiting job.</numerusform>
            <numerusform>Printed %n waiting jobs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n page(s)).</source>
        <translation>
            <numerusform>Wrote %1 (%n page).</numerusform>
            <numerusform>Wrote %1 (%n pages).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>Sent %n change</numerusform>
            <numerusform>Sent %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n refused by the county)</source>
        <translation>
            <numerusform> (%n refused by the county)</numerusform>
            <numerusform> (%n refused by the county)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, received %n from the county.</source>
        <translation>
            <numerusform>, received %n from the county.</numerusform>
            <numerusform>, received %n from the county.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next attempt in %n second(s).</source>
        <translation>
            <numerusform>Next attempt in %n second.</numerusform>
            <numerusform>Next attempt in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n change(s) to %1. Take the file to the county centre; the changes are also sent again by the next sync.</source>
        <translation>
            <numerusform>Wrote %n change to %1. Take the file to the county centre; the change is also sent again by the next sync.</numerusform>
            <numerusform>Wrote %n changes to %1. Take the file to the county centre; the changes are also sent again by the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The same person has %n more parcel(s) waiting: %1.</source>
        <translation>
            <numerusform>The same person has %n more parcel waiting: %1.</numerusform>
            <numerusform>The same person has %n more parcels waiting: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n change(s) the county acknowledged before %1, and %2 notice(s) of parcels that have left the station.</source>
        <translation>
            <numerusform>Removed %n change the county acknowledged before %1, and %2 notice(s) of parcels that have left the station.</numerusform>
            <numerusform>Removed %n changes the county acknowledged before %1, and %2 notice(s) of parcels that have left the station.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n change(s) in %1 files, %2 to %3. Take all of them to the county centre; the changes are also sent again by the next sync.</source>
        <translation>
            <numerusform>Wrote %n change in %1 files, %2 to %3. Take all of them to the county centre; the change is also sent again by the next sync.</numerusform>
            <numerusform>Wrote %n changes in %1 files, %2 to %3. Take all of them to the county centre; the changes are also sent again by the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::HandoverPage</name>
    <message numerus="yes">
        <source>%1 is in bag %2 (%n parcel(s) in it).</source>
        <translation>
            <numerusform>%1 is in bag %2 (%n parcel in it).</numerusform>
            <numerusform>%1 is in bag %2 (%n parcels in it).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hand %n parcel(s) in %1 bag(s) to %2 (%3)? They cannot be bagged again.</source>
        <translation>
            <numerusform>Hand %n parcel in %1 bag(s) to %2 (%3)? It cannot be bagged again.</numerusform>
            <numerusform>Hand %n parcels in %1 bag(s) to %2 (%3)? They cannot be bagged again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open manifest: %n parcel(s)</source>
        <translation>
            <numerusform>Open manifest: %n parcel</numerusform>
            <numerusform>Open manifest: %n parcels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bag(s)</source>
        <translation>
            <numerusform>%n bag</numerusform>
            <numerusform>%n bags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::LoginPanel</name>
    <message numerus="yes">
        <source>%n digit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::MainWindow</name>
    <message numerus="yes">
        <source>Retr&amp;y printing (%n waiting)</source>
        <translation>
            <numerusform>Retr&amp;y printing (%n waiting)</numerusform>
            <numerusform>Retr&amp;y printing (%n waiting)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::OrderPage</name>
    <message numerus="yes">
        <source>%n villager(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::OrdersPage</name>
    <message numerus="yes">
        <source>%n refused order(s) refunded.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::OverduePage</name>
    <message numerus="yes">
        <source>%n overdue, fees so far %1 yuan.</source>
        <translation>
            <numerusform>%n overdue, fees so far %1 yuan.</numerusform>
            <numerusform>%n overdue, fees so far %1 yuan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unclaimed.</source>
        <translation>
            <numerusform>%n unclaimed.</numerusform>
            <numerusform>%n unclaimed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) queued.</source>
        <translation>
            <numerusform>%n reminder queued.</numerusform>
            <numerusform>%n reminders queued.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::ParcelsPage</name>
    <message numerus="yes">
        <source>%n parcel(s)</source>
        <translation>
            <numerusform>%n parcel</numerusform>
            <numerusform>%n parcels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::PickupPage</name>
    <message numerus="yes">
        <source>Parcels of %n different people match. Only %1&apos;s are ticked: check who is collecting before ticking anyone else&apos;s.</source>
        <translation>
            <numerusform>Parcels of %n person match. Only %1&apos;s are ticked: check who is collecting before ticking anyone else&apos;s.</numerusform>
            <numerusform>Parcels of %n different people match. Only %1&apos;s are ticked: check who is collecting before ticking anyone else&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) waiting for %1. Press Enter to hand over the ticked ones.</source>
        <translation>
            <numerusform>%n parcel waiting for %1. Press Enter to hand over the ticked ones.</numerusform>
            <numerusform>%n parcels waiting for %1. Press Enter to hand over the ticked ones.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::PrintPreview</name>
    <message numerus="yes">
        <source>… and %n more page(s)</source>
        <translation>
            <numerusform>… and %n more page</numerusform>
            <numerusform>… and %n more pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::PrintService</name>
    <message numerus="yes">
        <source>Not printed: %1 (%n job(s) waiting)</source>
        <translation>
            <numerusform>Not printed: %1 (%n job waiting)</numerusform>
            <numerusform>Not printed: %1 (%n jobs waiting)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::ReceivePage</name>
    <message numerus="yes">
        <source>Expected today (county pre-alert): %n not scanned in yet</source>
        <translation>
            <numerusform>Expected today (county pre-alert): %n not scanned in yet</numerusform>
            <numerusform>Expected today (county pre-alert): %n not scanned in yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::ShelvesPage</name>
    <message numerus="yes">
        <source>Record %n misplaced parcel(s) on the place where they were found? They get new pickup codes.</source>
        <translation>
            <numerusform>Record %n misplaced parcel on the place where it was found? It gets a new pickup code.</numerusform>
            <numerusform>Record %n misplaced parcels on the place where they were found? They get new pickup codes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cz::ui::VillagersPage</name>
    <message numerus="yes">
        <source>%n villager(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
