<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupsDialog</name>
    <message numerus="yes">
        <source>%n backups are not encrypted, unlike your journal: anyone who can use this computer account can read them.</source>
        <translation>
            <numerusform>%n backup is not encrypted, unlike your journal: anyone who can use this computer account can read it.</numerusform>
            <numerusform>%n backups are not encrypted, unlike your journal: anyone who can use this computer account can read them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backups are encrypted, unlike your journal: they open only with the key they were encrypted with.</source>
        <translation>
            <numerusform>%n backup is encrypted, unlike your journal: it opens only with the key it was encrypted with.</numerusform>
            <numerusform>%n backups are encrypted, unlike your journal: they open only with the key they were encrypted with.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rescue copies of a damaged journal in the backup folder (ending .damaged) are not protected like your journal: they are not encrypted, or only an earlier passphrase with an old copy of its key file opens them. Delete them once you no longer need them.</source>
        <translation>
            <numerusform>%n rescue copy of a damaged journal in the backup folder (ending .damaged) is not protected like your journal: it is not encrypted, or only an earlier passphrase with an old copy of its key file opens it. Delete it once you no longer need it.</numerusform>
            <numerusform>%n rescue copies of a damaged journal in the backup folder (ending .damaged) are not protected like your journal: they are not encrypted, or only an earlier passphrase with an old copy of its key file opens them. Delete them once you no longer need them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encrypted %n backups.</source>
        <translation>
            <numerusform>Encrypted %n backup.</numerusform>
            <numerusform>Encrypted %n backups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CareJournal</name>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your last copy off this laptop was %n days ago.</source>
        <translation>
            <numerusform>Your last copy off this laptop was %n day ago.</numerusform>
            <numerusform>Your last copy off this laptop was %n days ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This entry holds what looks like {kinds}. They stay on this computer, and supervision packs replace them.</source>
        <translation>
            <numerusform>This entry holds what looks like {kinds}. It stays on this computer, and supervision packs replace it.</numerusform>
            <numerusform>This entry holds what looks like {kinds}. They stay on this computer, and supervision packs replace them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempts so far.</source>
        <translation>
            <numerusform>%n attempt so far.</numerusform>
            <numerusform>%n attempts so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On {date} you said your own hardest change took %n attempts.</source>
        <translation>
            <numerusform>On {date} you said your own hardest change took %n attempt.</numerusform>
            <numerusform>On {date} you said your own hardest change took %n attempts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{person}: “{goal}”, {status} after %n tries in this period.</source>
        <translation>
            <numerusform>{person}: “{goal}”, {status} after %n try in this period.</numerusform>
            <numerusform>{person}: “{goal}”, {status} after %n tries in this period.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlineBanner</name>
    <message numerus="yes">
        <source>%n days to your registration deadline.</source>
        <translation>
            <numerusform>%n day to your registration deadline.</numerusform>
            <numerusform>%n days to your registration deadline.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueNotice</name>
    <message numerus="yes">
        <source>%n actions from your reflections are due for review.</source>
        <translation>
            <numerusform>%n action from your reflections is due for review.</numerusform>
            <numerusform>%n actions from your reflections are due for review.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message numerus="yes">
        <source>%n little things</source>
        <translation>
            <numerusform>%n little thing</numerusform>
            <numerusform>%n little things</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decisions</source>
        <translation>
            <numerusform>%n decision</numerusform>
            <numerusform>%n decisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n actions</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalQuestionDialog</name>
    <message numerus="yes">
        <source>It has had %n attempts so far.</source>
        <translation>
            <numerusform>It has had %n attempt so far.</numerusform>
            <numerusform>It has had %n attempts so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CareJournal asks this before a goal ends after fewer than %n attempts.</source>
        <translation>
            <numerusform>CareJournal asks this before a goal ends without a single attempt.</numerusform>
            <numerusform>CareJournal asks this before a goal ends after fewer than %n attempts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n other parts read the same as now.</source>
        <translation>
            <numerusform>One other part reads the same as now.</numerusform>
            <numerusform>%n other parts read the same as now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message numerus="yes">
        <source>%n entries in the trash</source>
        <translation>
            <numerusform>%n entry in the trash</numerusform>
            <numerusform>%n entries in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %n entries</source>
        <translation>
            <numerusform>Showing {shown} of %n entry</numerusform>
            <numerusform>Showing {shown} of %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WordCount</name>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
</TS>
