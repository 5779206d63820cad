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
</context>
<context>
    <name>Printing</name>
    <message numerus="yes">
        <source>Parcels arrived on %1: %n</source>
        <translation>
            <numerusform>Parcels arrived on %1: %n</numerusform><numerusform>Parcels arrived on %1: %n</numerusform></translation>
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
        <source>%n parcel(s) found. Press Enter to hand over the ticked ones.</source>
        <translation>
            <numerusform>%n parcel found. Press Enter to hand over the ticked ones.</numerusform>
            <numerusform>%n parcels found. Press Enter to hand over the ticked ones.</numerusform>
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
</TS>
