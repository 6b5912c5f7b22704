<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ClientEditor</name>
    <message>
        <source>New client [*] — PracticeDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client [*] — PracticeDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the client and close (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minor (needs a Legal Guardian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 555 010 0000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile &amp;phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred contact method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text message (SMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email and text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferred method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts are reached the same way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary c&amp;ontact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential &amp;communications (messages go to the client only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential communications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for confidential communications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a parent, guardian or other person (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link a client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person who is already a client of the practice, found by name or client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who &amp;gets messages?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview who would receive each kind of notification, and why others would not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ctions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions for the selected person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts and relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row to edit it; the first row is the client&apos;s own notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Portal access and permissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;primary contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Convert to a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts &amp;&amp; &amp;relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed: the client has an email or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without an email or mobile phone, the client needs a contact who can be reached: add one on the Contacts &amp; relations tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every email and text message for this client (reminders, forms, invoices) goes to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That client is already on the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client&apos;s own notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off what the client should not receive itself, for example when a child uses a parent&apos;s email. Contacts keep their own settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client receives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no email address, which the portal invitation is sent to. Add one with Edit first, or leave the invitation off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no email or mobile phone, so cannot be the primary contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your changes first: converting %1 into a client is saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert to a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make %1 a client of the practice? Their details then come from their own profile, and they stay linked to this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from this client&apos;s contacts? They will no longer receive this client&apos;s messages or see anything of this client in the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal run by a &amp;parent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A parent who is also a client runs this client&apos;s portal; the client then has no portal access of their own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End parent-portal mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal features for this client. The organization&apos;s settings apply; here a feature can be switched off for this client only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Por&amp;tal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off for this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client uses their own portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (client %2) runs this client&apos;s portal; the client has no portal access of their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who runs this client&apos;s portal?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (client %2) [*] — PracticeDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This client has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>%1, %2</source>
        <comment>client list: last name, first name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientRepository</name>
    <message>
        <source>No such client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientRules</name>
    <message>
        <source>Enter the client&apos;s first or last name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes are limited to %1 characters; these have %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A minor needs at least one Legal Guardian: add the person who can consent to care for this client on the Contacts &amp; relations tab, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without an email or mobile phone, the client needs a contact with an email or mobile phone, who will receive their messages (the primary contact).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is invited to the portal but has no email address; add one or turn the invitation off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation is not valid today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email address: the client&apos;s preferred method is email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mobile phone: the client&apos;s preferred method is SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email address or mobile phone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientService</name>
    <message>
        <source>The linked client no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent-portal user no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is already a client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no email or mobile phone. Add one to the contact first, so the new client can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactValidation</name>
    <message>
        <source>The email address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address is longer than 254 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address contains a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address needs an @, as in name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address has nothing before the @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ is longer than 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address contains &quot;%1&quot; before the @, which is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address has a misplaced dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address has no domain after the @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain of the email address contains &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain &quot;%1&quot; is incomplete (e.g. example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain &quot;%1&quot; is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number contains &quot;%1&quot;; use digits only (spaces, dashes and parentheses are fine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A North American phone number has 10 digits (with area code); this one has %1. For other countries start with + and the country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number has %1 digits with its country code; it needs 8 to 15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A country code cannot start with 0.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>The file is UTF-16; save it as CSV UTF-8 and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is not valid UTF-8 text (the file may be saved as Latin-1 or Windows-1252). Save it as CSV UTF-8 and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 contains a NUL character; this is not a text CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quote appears in the middle of a field; put the whole field in quotes and double the quote (&quot;&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: text follows a closing quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataFolder</name>
    <message>
        <source>%1 already has a database; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no PracticeDesk database in %1. Create one with `practicedesk-cli init`, or choose the folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is empty (0 bytes): it is damaged. It was left as it is; restore it from a backup with `practicedesk-cli restore FILE`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key could not be stored (%1); the database was %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left with its old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT restored to its old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder is not unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was written, but its key slot %1 could not be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder has no database yet: restoring needs the backup&apos;s key slot %1 and its passphrase (--passphrase-stdin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be copied into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PracticeDesk backup that opens with this folder&apos;s key (it may be damaged, or made before a rekey: give its passphrase with --passphrase-stdin to use %1.keyslot). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 is damaged; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current database could not be set aside; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be put in place; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The disk is full; the change was not saved. Free some space and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be written (%1); the change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database already exists at %1; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file %1 is empty (0 bytes). It was left as it is; restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption key could not be applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program is not linked to SQLCipher; refusing to open the database without encryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be decrypted: the key does not fit, or the file is damaged. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be prepared (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypting the database failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name for the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup file %1 could not be created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup file could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 of table %2 points at a missing row of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopStartup</name>
    <message>
        <source>PracticeDesk locked itself after %1 minutes without activity. Enter the passphrase to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no PracticeDesk database in %1.

Create one with `practicedesk-cli init`, or start with --demo to try PracticeDesk with made-up clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PracticeDesk is locked. Enter the passphrase to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PracticeDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyVault</name>
    <message>
        <source>No OS keychain is available here. Protect the database with a passphrase (--passphrase-stdin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot file %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a key slot file; it was left untouched. Move it away if it belongs to no database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is not protected by a passphrase; its key is in the OS keychain. Run without --passphrase-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain cannot give this database&apos;s key (%1). The database is also protected by a passphrase: give it on standard input with --passphrase-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain has no key for this database (was it made on another machine or by another user?). Restore from a backup with its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available here, and this database has no passphrase: its key is in the OS keychain of the desktop session that created it. Open it there, or restore a backup with its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no passphrase yet; add one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has a passphrase; change it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database key has the wrong size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is protected by a passphrase: give it with --passphrase-stdin so the passphrase slot can hold the new key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSlot</name>
    <message>
        <source>The OS keychain entry for this database is not a key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkClientDialog</name>
    <message>
        <source>Search by name, email, phone or client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is the client you are editing; choose someone else.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PracticeDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, email, phone or client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organization settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F  find a client
Enter  open the selected client
Ctrl+N  new client
Ctrl+S  save the client
Esc  close without saving (asks first)
Alt+1…4  profile tabs
F2  edit the selected contact
Delete  remove the selected contact
Ctrl+L  lock PracticeDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (scroll for more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationTogglesBox</name>
    <message>
        <source>Appointment &amp;reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmations, cancellations and missed-appointment notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scheduled emails and text messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Telehealth links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These cannot take effect: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParentPortal</name>
    <message>
        <source>A client cannot run their own parent portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has portal access as a contact of %2. A person can reach a client&apos;s portal either as a contact or as the parent-portal user, never both: remove the contact&apos;s portal access, or choose another parent-portal user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseSlot</name>
    <message>
        <source>The key slot file is damaged or is not a PracticeDesk key slot. Restore it from a backup, or unlock the database with the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough memory to check the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is not valid UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database key has the wrong size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot file was written by a newer PracticeDesk; update PracticeDesk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot file uses a key-derivation method this PracticeDesk does not know; update PracticeDesk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot file is damaged: its key-derivation settings are out of range, so it was not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no key slot file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot file %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduled messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>telehealth links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client: switch off the messages the client should not receive itself (for example a child who uses a parent&apos;s email).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run by a parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cannot receive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionDialog</name>
    <message>
        <source>Portal access for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What %1 may see and do in the client portal on the client&apos;s behalf. The practice server enforces these on every request; a change takes effect on the very next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an &amp;invitation to the client portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an invitation to the client portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;defaults for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalPermission</name>
    <message>
        <source>View forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sees the forms exchanged between the practice and the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete and sign forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills in and signs forms sent for the client; they are filed on the client&apos;s timeline with who signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View shared documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sees documents the practice shares with the client (never ones marked not for contacts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views and pays the client&apos;s invoices and manages saved cards; Good Faith Estimates still go to the client only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Books, reschedules and cancels the client&apos;s appointments, within the practice&apos;s self-scheduling rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure messaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a private message channel with the practice that only this contact and the practice see.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalPolicy</name>
    <message>
        <source>Unknown portal action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Psychotherapy notes are never shown in the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clinician marked this item as not for contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This client&apos;s portal is run by a parent (parent portal); the client has no portal access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person does not run the client&apos;s portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact&apos;s relation to the client was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact&apos;s relation to the client is not valid today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal access for contacts is off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is only ever sent to the client, never to a contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact does not have the &quot;%1&quot; permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is off: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalSettings</name>
    <message>
        <source>Allow client payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure messaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-scheduling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow booking within 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow cancelling within 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display insurance info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let clients add insurance payers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal access for client contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide location address on intake forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-lock must be between 1 and 240 minutes, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country calling code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting %1 must be true or false, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments are unavailable until card processing is turned on for the organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs self-scheduling, which is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs &quot;Display insurance info&quot;, which is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off for the organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off for this client.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelationDialog</name>
    <message>
        <source>Add contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 555 010 0000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mobile phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is a client of the practice: their details come from their own profile and stay current there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here is required, but without an email or mobile phone this person receives no notifications, and portal access needs an email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example: stepmother, aunt, foster parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relations&amp;hip:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications this person receives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can &amp;manage appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can manage appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody and validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sole custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court order reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ustody:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court &amp;order reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation cannot end before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelationRepository</name>
    <message>
        <source>No such relation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A relation points at either a contact or a client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client cannot be its own relation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation added (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelationType</name>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse/Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown relation type &quot;%1&quot;; expected one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <source>no email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already receives this message (shared address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be reached by the client&apos;s preferred method: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client&apos;s own %1 are switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client has no email or mobile phone and no contact who can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential communications were requested (%1); contacts receive nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the client only; send it to a contact from the contact&apos;s actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their %1 toggle is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation is not valid today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed-appointment notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telehealth links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>The database could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer version of PracticeDesk (schema %1; this program knows up to %2). Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsRepository</name>
    <message>
        <source>Organization setting %1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal setting %1 = %2 for this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal setting %1 back to the organization default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharedEmail</name>
    <message>
        <source>%1 (client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (contact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (contact of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is also used by %2. That is fine (for example a parent of two children): each client&apos;s messages are still sent separately, and a portal login with this email lists every client it is linked to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlCipherDriver</name>
    <message>
        <source>Could not open the database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the QSQLCIPHER driver does not take a password; apply the key with sqlite3_key() on the connection handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no database file name was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown or malformed connect option &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SQLite library in this process is not SQLCipher (SQLite %1 without encryption)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not commit the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not roll back the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQL script failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlCipherResult</name>
    <message>
        <source>Unable to prepare the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query holds no SQL statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query holds more than one SQL statement; run one statement per query, or use SqlCipherDriver::executeScript()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to execute the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query has placeholders; prepare it and bind values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no statement was prepared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter count mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value %1 (%2) has no placeholder in the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value was bound for placeholder %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to bind a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the unsigned value %1 does not fit a 64-bit SQLite integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values of type %1 cannot be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to fetch a row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock PracticeDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase that protects the client data in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd</name>
    <message>
        <source>the client has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date_of_birth &quot;%1&quot; is not a date in the form YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is_minor must be yes or no, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact_relation &quot;%1&quot; is not a known relation type (e.g. parent, legal_guardian, responsible_party, emergency_contact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact_email: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact_phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty; expected a header row such as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header row is not recognized%1. Expected columns: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (unknown columns: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: has %2 fields, the header has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: duplicate of line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown database error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is damaged or is not a PracticeDesk database (%2). It was left exactly as it is; restore it from a backup with `practicedesk-cli restore FILE`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain has no key for this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain is locked or refused access (%1); a passphrase will be used instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available here (%1); a passphrase will be used instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
