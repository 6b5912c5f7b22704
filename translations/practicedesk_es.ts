<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ClientRepository</name>
    <message>
        <source>No such client.</source>
        <translation>El cliente no existe.</translation>
    </message>
    <message>
        <source>Client created</source>
        <translation>Cliente creado</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Modificado: %1</translation>
    </message>
    <message>
        <source>Client deleted</source>
        <translation>Cliente eliminado</translation>
    </message>
</context>
<context>
    <name>ClientRules</name>
    <message>
        <source>Enter the client&apos;s first or last name.</source>
        <translation>Introduzca el nombre o los apellidos del cliente.</translation>
    </message>
    <message>
        <source>Notes are limited to %1 characters; these have %2.</source>
        <translation>Las notas están limitadas a %1 caracteres; estas tienen %2.</translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation>La fecha de nacimiento es una fecha futura.</translation>
    </message>
    <message>
        <source>A minor needs at least one Legal Guardian: add the person who can consent to care for this client on the Contacts &amp; relations tab, then save.</source>
        <translation>Un menor necesita al menos un tutor legal: en la pestaña Contactos y relaciones, añada a la persona que puede dar el consentimiento para la atención de este cliente y, después, guarde.</translation>
    </message>
    <message>
        <source>Without an email or mobile phone, the client needs a contact with an email or mobile phone, who will receive their messages (the primary contact).</source>
        <translation>Sin correo electrónico ni teléfono móvil, el cliente necesita un contacto con correo electrónico o teléfono móvil que reciba sus mensajes (el contacto principal).</translation>
    </message>
    <message>
        <source>%1 is invited to the portal but has no email address; add one or turn the invitation off.</source>
        <translation>%1 tiene una invitación al portal, pero no tiene dirección de correo electrónico; añada una o desactive la invitación.</translation>
    </message>
    <message>
        <source>A contact</source>
        <translation>Un contacto</translation>
    </message>
    <message>
        <source>The relation is not valid today.</source>
        <translation>La relación no está vigente hoy.</translation>
    </message>
    <message>
        <source>No email address: the client&apos;s preferred method is email.</source>
        <translation>Sin dirección de correo electrónico: el método preferido del cliente es el correo electrónico.</translation>
    </message>
    <message>
        <source>No mobile phone: the client&apos;s preferred method is SMS.</source>
        <translation>Sin teléfono móvil: el método preferido del cliente es el SMS.</translation>
    </message>
    <message>
        <source>No email address or mobile phone.</source>
        <translation>Sin dirección de correo electrónico ni teléfono móvil.</translation>
    </message>
    <message>
        <source>With email as the preferred method, this client receives no messages: there is no email address. Choose text message, or add an email.</source>
        <translation>Con el correo electrónico como método preferido, este cliente no recibe ningún mensaje: no tiene dirección de correo. Elija mensaje de texto o añada un correo.</translation>
    </message>
    <message>
        <source>With text message as the preferred method, this client receives no messages: there is no mobile phone. Choose email, or add a mobile phone.</source>
        <translation>Con el mensaje de texto como método preferido, este cliente no recibe ningún mensaje: no tiene teléfono móvil. Elija correo electrónico o añada un móvil.</translation>
    </message>
</context>
<context>
    <name>ClientService</name>
    <message>
        <source>The linked client no longer exists.</source>
        <translation>El cliente vinculado ya no existe.</translation>
    </message>
    <message>
        <source>The parent-portal user no longer exists.</source>
        <translation>El usuario del portal de padres ya no existe.</translation>
    </message>
    <message>
        <source>This person is already a client.</source>
        <translation>Esta persona ya es cliente.</translation>
    </message>
    <message>
        <source>%1 has no email or mobile phone. Add one to the contact first, so the new client can be reached.</source>
        <translation>%1 no tiene correo electrónico ni teléfono móvil. Añada uno al contacto primero para que se pueda contactar con el nuevo cliente.</translation>
    </message>
    <message>
        <source>Profile opened</source>
        <translation>Perfil abierto</translation>
    </message>
</context>
<context>
    <name>ContactValidation</name>
    <message>
        <source>The email address is empty.</source>
        <translation>La dirección de correo electrónico está vacía.</translation>
    </message>
    <message>
        <source>The email address is longer than 254 characters.</source>
        <translation>La dirección de correo electrónico tiene más de 254 caracteres.</translation>
    </message>
    <message>
        <source>The email address contains a space.</source>
        <translation>La dirección de correo electrónico contiene un espacio.</translation>
    </message>
    <message>
        <source>The email address needs an @, as in name@example.com.</source>
        <translation>La dirección de correo electrónico necesita una @, como en nombre@example.com.</translation>
    </message>
    <message>
        <source>The email address has nothing before the @.</source>
        <translation>La dirección de correo electrónico no tiene nada antes de la @.</translation>
    </message>
    <message>
        <source>The part before the @ is longer than 64 characters.</source>
        <translation>La parte anterior a la @ tiene más de 64 caracteres.</translation>
    </message>
    <message>
        <source>The email address contains &quot;%1&quot; before the @, which is not allowed.</source>
        <translation>La dirección de correo electrónico contiene &quot;%1&quot; antes de la @, lo cual no está permitido.</translation>
    </message>
    <message>
        <source>The email address has a misplaced dot.</source>
        <translation>La dirección de correo electrónico tiene un punto mal colocado.</translation>
    </message>
    <message>
        <source>The email address has no domain after the @.</source>
        <translation>La dirección de correo electrónico no tiene dominio después de la @.</translation>
    </message>
    <message>
        <source>The domain of the email address contains &quot;%1&quot;.</source>
        <translation>El dominio de la dirección de correo electrónico contiene &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The domain &quot;%1&quot; is incomplete (e.g. example.com).</source>
        <translation>El dominio &quot;%1&quot; está incompleto (p. ej., example.com).</translation>
    </message>
    <message>
        <source>The domain &quot;%1&quot; is not valid.</source>
        <translation>El dominio &quot;%1&quot; no es válido.</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>El número de teléfono está vacío.</translation>
    </message>
    <message>
        <source>The phone number contains &quot;%1&quot;; use digits only (spaces, dashes and parentheses are fine).</source>
        <translation>El número de teléfono contiene &quot;%1&quot;; use solo dígitos (se admiten espacios, guiones y paréntesis).</translation>
    </message>
    <message>
        <source>A North American phone number has 10 digits (with area code); this one has %1. For other countries start with + and the country code.</source>
        <translation>Un número de teléfono de Norteamérica tiene 10 dígitos (con el código de área); este tiene %1. Para otros países, empiece con + y el código del país.</translation>
    </message>
    <message>
        <source>The phone number has %1 digits with its country code; it needs 8 to 15.</source>
        <translation>El número de teléfono tiene %1 dígitos con el código de país; debe tener entre 8 y 15.</translation>
    </message>
    <message>
        <source>A country code cannot start with 0.</source>
        <translation>Un código de país no puede empezar por 0.</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>The file is UTF-16; save it as CSV UTF-8 and import again.</source>
        <translation>El archivo está en UTF-16; guárdelo como CSV UTF-8 y vuelva a importarlo.</translation>
    </message>
    <message>
        <source>Line %1 is not valid UTF-8 text (the file may be saved as Latin-1 or Windows-1252). Save it as CSV UTF-8 and import again.</source>
        <translation>La línea %1 no es texto UTF-8 válido (puede que el archivo esté guardado como Latin-1 o Windows-1252). Guárdelo como CSV UTF-8 y vuelva a importarlo.</translation>
    </message>
    <message>
        <source>Line %1 contains a NUL character; this is not a text CSV file.</source>
        <translation>La línea %1 contiene un carácter NUL; no es un archivo CSV de texto.</translation>
    </message>
    <message>
        <source>Line %1: a quote appears in the middle of a field; put the whole field in quotes and double the quote (&quot;&quot;).</source>
        <translation>Línea %1: hay comillas en medio de un campo; ponga todo el campo entre comillas y duplique las comillas internas (&quot;&quot;).</translation>
    </message>
    <message>
        <source>Line %1: text follows a closing quote.</source>
        <translation>Línea %1: hay texto después de unas comillas de cierre.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation>Línea %1: un campo entre comillas no se cierra nunca.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The disk is full; the change was not saved. Free some space and save again.</source>
        <translation>El disco está lleno; el cambio no se ha guardado. Libere espacio y vuelva a guardar.</translation>
    </message>
    <message>
        <source>The database could not be written (%1); the change was not saved. Check that the drive holding the data folder is connected and writable, then save again.</source>
        <translation>No se pudo escribir en la base de datos (%1); el cambio no se ha guardado. Compruebe que la unidad de la carpeta de datos está conectada y admite escritura, y vuelva a guardar.</translation>
    </message>
    <message>
        <source>unknown database error</source>
        <translation>error desconocido de la base de datos</translation>
    </message>
    <message>
        <source>A database already exists at %1; it was left untouched.</source>
        <translation>Ya existe una base de datos en %1; no se ha modificado.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>No hay ninguna base de datos en %1.</translation>
    </message>
    <message>
        <source>The database file %1 is empty (0 bytes). It was left as it is; restore it from a backup.</source>
        <translation>El archivo de base de datos %1 está vacío (0 bytes). Se ha dejado tal cual; restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The database %1 could not be opened: %2</source>
        <translation>No se pudo abrir la base de datos %1: %2</translation>
    </message>
    <message>
        <source>The encryption key could not be applied.</source>
        <translation>No se pudo aplicar la clave de cifrado.</translation>
    </message>
    <message>
        <source>This program is not linked to SQLCipher; refusing to open the database without encryption.</source>
        <translation>Este programa no está enlazado con SQLCipher; no se abrirá la base de datos sin cifrado.</translation>
    </message>
    <message>
        <source>The database could not be decrypted: the key does not fit, or the file is damaged. Nothing was changed.</source>
        <translation>No se pudo descifrar la base de datos: la clave no corresponde o el archivo está dañado. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The database could not be read: %1</source>
        <translation>No se pudo leer la base de datos: %1</translation>
    </message>
    <message>
        <source>The database could not be prepared (%1): %2</source>
        <translation>No se pudo preparar la base de datos (%1): %2</translation>
    </message>
    <message>
        <source>Re-encrypting the database failed: %1</source>
        <translation>Error al volver a cifrar la base de datos: %1</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name for the backup.</source>
        <translation>%1 ya existe; elija un nombre de archivo nuevo para la copia de seguridad.</translation>
    </message>
    <message>
        <source>The backup file %1 could not be created: %2</source>
        <translation>No se pudo crear el archivo de copia de seguridad %1: %2</translation>
    </message>
    <message>
        <source>The backup file could not be created: %1</source>
        <translation>No se pudo crear el archivo de copia de seguridad: %1</translation>
    </message>
    <message>
        <source>Writing the backup failed: %1</source>
        <translation>Error al escribir la copia de seguridad: %1</translation>
    </message>
    <message>
        <source>Row %1 of table %2 points at a missing row of %3.</source>
        <translation>La fila %1 de la tabla %2 apunta a una fila inexistente de %3.</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>El registro ya no existe.</translation>
    </message>
    <message>
        <source>The database is open in another program (the desktop application or another command). Close it and try again.</source>
        <translation>La base de datos está abierta en otro programa (la aplicación de escritorio u otro comando). Ciérrelo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database is in use by another program (a command-line import or re-key may be running). Nothing was changed; try again when it has finished.</source>
        <translation>La base de datos está en uso por otro programa (puede estar en curso una importación o un cambio de clave desde la línea de comandos). No se ha cambiado nada; vuelva a intentarlo cuando termine.</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Client ID</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Menor de edad</translation>
    </message>
    <message>
        <source>Preferred method</source>
        <translation>Método preferido</translation>
    </message>
    <message>
        <source>Client&apos;s own notifications</source>
        <translation>Notificaciones del propio cliente</translation>
    </message>
    <message>
        <source>Confidential communications</source>
        <translation>Comunicaciones confidenciales</translation>
    </message>
    <message>
        <source>Reason for confidentiality</source>
        <translation>Motivo de la confidencialidad</translation>
    </message>
    <message>
        <source>Parent portal</source>
        <translation>Portal de padres</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Contacto principal</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Relation type</source>
        <translation>Tipo de relación</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Can manage appointments</source>
        <translation>Puede gestionar citas</translation>
    </message>
    <message>
        <source>Portal invitation</source>
        <translation>Invitación al portal</translation>
    </message>
    <message>
        <source>Portal permissions</source>
        <translation>Permisos del portal</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Custodia</translation>
    </message>
    <message>
        <source>Court order reference</source>
        <translation>Referencia de la orden judicial</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido desde</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
</context>
<context>
    <name>KeyVault</name>
    <message>
        <source>No OS keychain is available here. Protect the database with a passphrase (--passphrase-stdin).</source>
        <translation>No hay ningún llavero del sistema disponible aquí. Proteja la base de datos con una frase de contraseña (--passphrase-stdin).</translation>
    </message>
    <message>
        <source>The key slot file %1 cannot be written: %2</source>
        <translation>No se puede escribir el archivo de ranura de clave %1: %2</translation>
    </message>
    <message>
        <source>%1 already has a key slot file; it was left untouched. Move it away if it belongs to no database.</source>
        <translation>%1 ya tiene un archivo de ranura de clave; no se ha modificado. Muévalo a otro lugar si no pertenece a ninguna base de datos.</translation>
    </message>
    <message>
        <source>This database is not protected by a passphrase; its key is in the OS keychain. Run without --passphrase-stdin.</source>
        <translation>Esta base de datos no está protegida con una frase de contraseña; su clave está en el llavero del sistema. Ejecute sin --passphrase-stdin.</translation>
    </message>
    <message>
        <source>The OS keychain cannot give this database&apos;s key (%1). The database is also protected by a passphrase: give it on standard input with --passphrase-stdin.</source>
        <translation>El llavero del sistema no puede proporcionar la clave de esta base de datos (%1). La base de datos también está protegida con una frase de contraseña: indíquela por la entrada estándar con --passphrase-stdin.</translation>
    </message>
    <message>
        <source>The OS keychain has no key for this database (was it made on another machine or by another user?). Restore from a backup with its passphrase.</source>
        <translation>El llavero del sistema no tiene ninguna clave para esta base de datos (¿se creó en otro equipo o con otro usuario?). Restáurela desde una copia de seguridad con su frase de contraseña.</translation>
    </message>
    <message>
        <source>No OS keychain is available here, and this database has no passphrase: its key is in the OS keychain of the desktop session that created it. Open it there, or restore a backup with its passphrase.</source>
        <translation>No hay ningún llavero del sistema disponible aquí y esta base de datos no tiene frase de contraseña: su clave está en el llavero del sistema de la sesión de escritorio que la creó. Ábrala allí o restaure una copia de seguridad con su frase de contraseña.</translation>
    </message>
    <message>
        <source>This database has no passphrase yet; add one instead.</source>
        <translation>Esta base de datos aún no tiene frase de contraseña; añada una en su lugar.</translation>
    </message>
    <message>
        <source>This database already has a passphrase; change it instead.</source>
        <translation>Esta base de datos ya tiene una frase de contraseña; cámbiela en su lugar.</translation>
    </message>
    <message>
        <source>The database key has the wrong size.</source>
        <translation>La clave de la base de datos tiene un tamaño incorrecto.</translation>
    </message>
    <message>
        <source>This database is protected by a passphrase: give it with --passphrase-stdin so the passphrase slot can hold the new key.</source>
        <translation>Esta base de datos está protegida con una frase de contraseña: indíquela con --passphrase-stdin para que la ranura de la frase de contraseña pueda guardar la nueva clave.</translation>
    </message>
</context>
<context>
    <name>KeychainSlot</name>
    <message>
        <source>no keychain service answered</source>
        <translation>ningún servicio de llavero respondió</translation>
    </message>
    <message>
        <source>The OS keychain has no key for this database.</source>
        <translation>El llavero del sistema no tiene ninguna clave para esta base de datos.</translation>
    </message>
    <message>
        <source>The OS keychain is locked or refused access (%1); a passphrase will be used instead.</source>
        <translation>El llavero del sistema está bloqueado o ha denegado el acceso (%1); se usará una frase de contraseña en su lugar.</translation>
    </message>
    <message>
        <source>No OS keychain is available here (%1); a passphrase will be used instead.</source>
        <translation>No hay ningún llavero del sistema disponible aquí (%1); se usará una frase de contraseña en su lugar.</translation>
    </message>
    <message>
        <source>The OS keychain entry for this database is not a key.</source>
        <translation>La entrada del llavero del sistema para esta base de datos no es una clave.</translation>
    </message>
</context>
<context>
    <name>ParentPortal</name>
    <message>
        <source>A client cannot run their own parent portal.</source>
        <translation>Un cliente no puede gestionar su propio portal de padres.</translation>
    </message>
    <message>
        <source>%1 already has portal access as a contact of %2. A person can reach a client&apos;s portal either as a contact or as the parent-portal user, never both: remove the contact&apos;s portal access, or choose another parent-portal user.</source>
        <translation>%1 ya tiene acceso al portal como contacto de %2. Una persona puede acceder al portal de un cliente como contacto o como usuario del portal de padres, nunca de ambas formas: retire el acceso al portal del contacto o elija otro usuario del portal de padres.</translation>
    </message>
</context>
<context>
    <name>PassphraseSlot</name>
    <message>
        <source>The key slot file is damaged or is not a PracticeDesk key slot. Restore it from a backup, or unlock the database with the OS keychain.</source>
        <translation>El archivo de ranura de clave está dañado o no es una ranura de clave de PracticeDesk. Restáurelo desde una copia de seguridad o desbloquee la base de datos con el llavero del sistema.</translation>
    </message>
    <message>
        <source>There is not enough memory to check the passphrase.</source>
        <translation>No hay memoria suficiente para comprobar la frase de contraseña.</translation>
    </message>
    <message>
        <source>The passphrase is not valid UTF-8 text.</source>
        <translation>La frase de contraseña no es texto UTF-8 válido.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters.</source>
        <translation>La frase de contraseña es demasiado corta: use al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The database key has the wrong size.</source>
        <translation>La clave de la base de datos tiene un tamaño incorrecto.</translation>
    </message>
    <message>
        <source>The key slot file was written by a newer PracticeDesk; update PracticeDesk to open it.</source>
        <translation>El archivo de ranura de clave se escribió con una versión más reciente de PracticeDesk; actualice PracticeDesk para abrirlo.</translation>
    </message>
    <message>
        <source>The key slot file uses a key-derivation method this PracticeDesk does not know; update PracticeDesk to open it.</source>
        <translation>El archivo de ranura de clave usa un método de derivación de claves que esta versión de PracticeDesk no conoce; actualice PracticeDesk para abrirlo.</translation>
    </message>
    <message>
        <source>The key slot file is damaged: its key-derivation settings are out of range, so it was not used.</source>
        <translation>El archivo de ranura de clave está dañado: sus parámetros de derivación de claves están fuera de rango, por lo que no se ha usado.</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>La frase de contraseña no es correcta.</translation>
    </message>
    <message>
        <source>There is no key slot file %1.</source>
        <translation>No existe el archivo de ranura de clave %1.</translation>
    </message>
    <message>
        <source>The key slot file %1 cannot be read: %2</source>
        <translation>No se puede leer el archivo de ranura de clave %1: %2</translation>
    </message>
    <message>
        <source>The key slot file %1 cannot be written: %2</source>
        <translation>No se puede escribir el archivo de ranura de clave %1: %2</translation>
    </message>
</context>
<context>
    <name>PortalPermission</name>
    <message>
        <source>View forms</source>
        <translation>Ver formularios</translation>
    </message>
    <message>
        <source>Sees the forms exchanged between the practice and the client.</source>
        <translation>Ve los formularios intercambiados entre el centro y el cliente.</translation>
    </message>
    <message>
        <source>Complete and sign forms</source>
        <translation>Completar y firmar formularios</translation>
    </message>
    <message>
        <source>Fills in and signs forms sent for the client; they are filed on the client&apos;s timeline with who signed.</source>
        <translation>Completa y firma los formularios enviados para el cliente; se archivan en el historial del cliente indicando quién los firmó.</translation>
    </message>
    <message>
        <source>View shared documents</source>
        <translation>Ver documentos compartidos</translation>
    </message>
    <message>
        <source>Sees documents the practice shares with the client (never ones marked not for contacts).</source>
        <translation>Ve los documentos que el centro comparte con el cliente (nunca los marcados como no visibles para contactos).</translation>
    </message>
    <message>
        <source>Manage billing</source>
        <translation>Gestionar la facturación</translation>
    </message>
    <message>
        <source>Views and pays the client&apos;s invoices and manages saved cards; Good Faith Estimates still go to the client only.</source>
        <translation>Ve y paga las facturas del cliente y gestiona las tarjetas guardadas; las estimaciones de buena fe (Good Faith Estimates) se siguen enviando solo al cliente.</translation>
    </message>
    <message>
        <source>Manage appointments</source>
        <translation>Gestionar citas</translation>
    </message>
    <message>
        <source>Books, reschedules and cancels the client&apos;s appointments, within the practice&apos;s self-scheduling rules.</source>
        <translation>Reserva, reprograma y cancela las citas del cliente, dentro de las reglas de autoprogramación del centro.</translation>
    </message>
    <message>
        <source>Secure messaging</source>
        <translation>Mensajería segura</translation>
    </message>
    <message>
        <source>Has a private message channel with the practice that only this contact and the practice see.</source>
        <translation>Dispone de un canal de mensajes privado con el centro que solo ven este contacto y el centro.</translation>
    </message>
</context>
<context>
    <name>PortalPolicy</name>
    <message>
        <source>Unknown portal action.</source>
        <translation>Acción del portal desconocida.</translation>
    </message>
    <message>
        <source>Psychotherapy notes are never shown in the portal.</source>
        <translation>Las notas de psicoterapia nunca se muestran en el portal.</translation>
    </message>
    <message>
        <source>A clinician marked this item as not for contacts.</source>
        <translation>Un profesional clínico marcó este elemento como no visible para contactos.</translation>
    </message>
    <message>
        <source>This client&apos;s portal is run by a parent (parent portal); the client has no portal access.</source>
        <translation>El portal de este cliente lo gestiona un padre o madre (portal de padres); el cliente no tiene acceso al portal.</translation>
    </message>
    <message>
        <source>This person does not run the client&apos;s portal.</source>
        <translation>Esta persona no gestiona el portal del cliente.</translation>
    </message>
    <message>
        <source>The contact&apos;s relation to the client was removed.</source>
        <translation>Se eliminó la relación del contacto con el cliente.</translation>
    </message>
    <message>
        <source>The contact&apos;s relation to the client is not valid today.</source>
        <translation>La relación del contacto con el cliente no está vigente hoy.</translation>
    </message>
    <message>
        <source>Portal access for contacts is off: %1</source>
        <translation>El acceso al portal para contactos está desactivado: %1</translation>
    </message>
    <message>
        <source>This is only ever sent to the client, never to a contact.</source>
        <translation>Esto solo se envía al cliente, nunca a un contacto.</translation>
    </message>
    <message>
        <source>The contact does not have the &quot;%1&quot; permission.</source>
        <translation>El contacto no tiene el permiso &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 is off: %2</source>
        <translation>La opción &quot;%1&quot; está desactivada: %2</translation>
    </message>
</context>
<context>
    <name>PortalSettings</name>
    <message>
        <source>Allow client payments</source>
        <translation>Permitir pagos de clientes</translation>
    </message>
    <message>
        <source>Secure messaging</source>
        <translation>Mensajería segura</translation>
    </message>
    <message>
        <source>Self-scheduling</source>
        <translation>Autoprogramación de citas</translation>
    </message>
    <message>
        <source>Allow booking within 24 hours</source>
        <translation>Permitir reservar con menos de 24 horas de antelación</translation>
    </message>
    <message>
        <source>Allow cancelling within 24 hours</source>
        <translation>Permitir cancelar con menos de 24 horas de antelación</translation>
    </message>
    <message>
        <source>Display insurance info</source>
        <translation>Mostrar información del seguro</translation>
    </message>
    <message>
        <source>Let clients add insurance payers</source>
        <translation>Permitir que los clientes añadan aseguradoras</translation>
    </message>
    <message>
        <source>Portal access for client contacts</source>
        <translation>Acceso al portal para los contactos del cliente</translation>
    </message>
    <message>
        <source>Hide location address on intake forms</source>
        <translation>Ocultar la dirección del centro en los formularios de admisión</translation>
    </message>
    <message>
        <source>Auto-lock must be between 1 and 240 minutes, not &quot;%1&quot;.</source>
        <translation>El bloqueo automático debe estar entre 1 y 240 minutos, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country calling code.</source>
        <translation>&quot;%1&quot; no es un código telefónico de país.</translation>
    </message>
    <message>
        <source>Setting %1 must be true or false, not &quot;%2&quot;.</source>
        <translation>El ajuste %1 debe ser true o false, no &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation>Ajuste desconocido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Payments are unavailable until card processing is turned on for the organization.</source>
        <translation>Los pagos no están disponibles hasta que se active el procesamiento de tarjetas para la organización.</translation>
    </message>
    <message>
        <source>Needs self-scheduling, which is off.</source>
        <translation>Requiere la autoprogramación de citas, que está desactivada.</translation>
    </message>
    <message>
        <source>Needs &quot;Display insurance info&quot;, which is off.</source>
        <translation>Requiere la opción &quot;Mostrar información del seguro&quot;, que está desactivada.</translation>
    </message>
    <message>
        <source>Off for the organization.</source>
        <translation>Desactivado para la organización.</translation>
    </message>
    <message>
        <source>Switched off for this client.</source>
        <translation>Desactivado para este cliente.</translation>
    </message>
</context>
<context>
    <name>RelationRepository</name>
    <message>
        <source>No such relation.</source>
        <translation>La relación no existe.</translation>
    </message>
    <message>
        <source>No such contact.</source>
        <translation>El contacto no existe.</translation>
    </message>
    <message>
        <source>Contact %1 added</source>
        <translation>Contacto %1 añadido</translation>
    </message>
    <message>
        <source>Contact %1 changed</source>
        <translation>Contacto %1 modificado</translation>
    </message>
    <message>
        <source>A relation must point at exactly one contact or one client.</source>
        <translation>Una relación debe apuntar exactamente a un contacto o a un cliente.</translation>
    </message>
    <message>
        <source>A client cannot be related to themselves.</source>
        <translation>Un cliente no puede estar relacionado consigo mismo.</translation>
    </message>
    <message>
        <source>Relation added (%1)</source>
        <translation>Relación añadida (%1)</translation>
    </message>
    <message>
        <source>Relation changed: %1</source>
        <translation>Relación modificada: %1</translation>
    </message>
    <message>
        <source>Relation removed</source>
        <translation>Relación eliminada</translation>
    </message>
</context>
<context>
    <name>RelationType</name>
    <message>
        <source>Parent</source>
        <translation>Padre/Madre</translation>
    </message>
    <message>
        <source>Legal Guardian</source>
        <translation>Tutor legal</translation>
    </message>
    <message>
        <source>Responsible Party</source>
        <translation>Responsable de pago</translation>
    </message>
    <message>
        <source>Emergency Contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Spouse/Partner</source>
        <translation>Cónyuge/Pareja</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>Hermano/a</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Trabajador/a social</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Unknown relation type &quot;%1&quot;; expected one of: %2.</source>
        <translation>Tipo de relación desconocido &quot;%1&quot;; se esperaba uno de estos: %2.</translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <source>no email address</source>
        <translation>sin dirección de correo electrónico</translation>
    </message>
    <message>
        <source>no mobile phone</source>
        <translation>sin teléfono móvil</translation>
    </message>
    <message>
        <source>%1 already receives this message (shared address).</source>
        <translation>%1 ya recibe este mensaje (dirección compartida).</translation>
    </message>
    <message>
        <source>Cannot be reached by the client&apos;s preferred method: %1.</source>
        <translation>No se puede contactar por el método preferido del cliente: %1.</translation>
    </message>
    <message>
        <source>The client&apos;s own %1 are switched off.</source>
        <translation>El propio cliente tiene desactivada la recepción de %1.</translation>
    </message>
    <message>
        <source>The client has no email or mobile phone and no contact who can be reached.</source>
        <translation>El cliente no tiene correo electrónico ni teléfono móvil, ni ningún contacto localizable.</translation>
    </message>
    <message>
        <source>Confidential communications were requested (%1); contacts receive nothing.</source>
        <translation>Se solicitaron comunicaciones confidenciales (%1); los contactos no reciben nada.</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>no se registró ningún motivo</translation>
    </message>
    <message>
        <source>Sent to the client only; send it to a contact from the contact&apos;s actions.</source>
        <translation>Solo se envía al cliente; para enviarlo a un contacto, use las acciones del contacto.</translation>
    </message>
    <message>
        <source>Their %1 toggle is off.</source>
        <translation>Tiene desactivada la opción de %1.</translation>
    </message>
    <message>
        <source>The relation is not valid today.</source>
        <translation>La relación no está vigente hoy.</translation>
    </message>
    <message>
        <source>Appointment reminders</source>
        <translation>Recordatorios de citas</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>Confirmaciones</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Cancelaciones</translation>
    </message>
    <message>
        <source>Missed-appointment notices</source>
        <translation>Avisos de cita perdida</translation>
    </message>
    <message>
        <source>Scheduled messages</source>
        <translation>Mensajes programados</translation>
    </message>
    <message>
        <source>Telehealth links</source>
        <translation>Enlaces de telesalud</translation>
    </message>
    <message>
        <source>Form requests</source>
        <translation>Solicitudes de formularios</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Facturas</translation>
    </message>
    <message>
        <source>Confirmations, cancellations and missed-appointment notices</source>
        <translation>Confirmaciones, cancelaciones y avisos de cita perdida</translation>
    </message>
    <message>
        <source>Scheduled emails and text messages</source>
        <translation>Correos electrónicos y mensajes de texto programados</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>The database could not be read: %1</source>
        <translation>No se pudo leer la base de datos: %1</translation>
    </message>
    <message>
        <source>This database was written by a newer version of PracticeDesk (schema %1; this program knows up to %2). Install the newer version to open it.</source>
        <translation>Esta base de datos se escribió con una versión más reciente de PracticeDesk (esquema %1; este programa admite hasta el %2). Instale la versión más reciente para abrirla.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation>Error al actualizar la base de datos al esquema %1: %2</translation>
    </message>
</context>
<context>
    <name>SettingsRepository</name>
    <message>
        <source>Organization setting %1 = %2</source>
        <translation>Ajuste de la organización %1 = %2</translation>
    </message>
    <message>
        <source>Portal setting %1 = %2 for this client</source>
        <translation>Ajuste del portal %1 = %2 para este cliente</translation>
    </message>
    <message>
        <source>Portal setting %1 back to the organization default</source>
        <translation>Ajuste del portal %1 restablecido al valor predeterminado de la organización</translation>
    </message>
</context>
<context>
    <name>SharedEmail</name>
    <message>
        <source>%1 (client)</source>
        <translation>%1 (cliente)</translation>
    </message>
    <message>
        <source>%1 (contact)</source>
        <translation>%1 (contacto)</translation>
    </message>
    <message>
        <source>%1 (contact of %2)</source>
        <translation>%1 (contacto de %2)</translation>
    </message>
    <message>
        <source>%1 is also used by %2. That is fine (for example a parent of two children): each client&apos;s messages are still sent separately, and a portal login with this email lists every client it is linked to.</source>
        <translation>%2 también usa %1. No hay problema (por ejemplo, un padre o madre con dos hijos): los mensajes de cada cliente se siguen enviando por separado, y al iniciar sesión en el portal con este correo se muestran todos los clientes vinculados a él.</translation>
    </message>
</context>
<context>
    <name>SqlCipherResult</name>
    <message>
        <source>Unable to prepare the statement</source>
        <translation>No se puede preparar la sentencia</translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation>la base de datos no está abierta</translation>
    </message>
    <message>
        <source>the query holds no SQL statement</source>
        <translation>la consulta no contiene ninguna sentencia SQL</translation>
    </message>
    <message>
        <source>the query holds more than one SQL statement; run one statement per query, or use SqlCipherDriver::executeScript()</source>
        <translation>la consulta contiene más de una sentencia SQL; ejecute una sentencia por consulta o use SqlCipherDriver::executeScript()</translation>
    </message>
    <message>
        <source>Unable to execute the statement</source>
        <translation>No se puede ejecutar la sentencia</translation>
    </message>
    <message>
        <source>the query has placeholders; prepare it and bind values</source>
        <translation>la consulta tiene marcadores de posición; prepárela y vincule los valores</translation>
    </message>
    <message>
        <source>the database was closed</source>
        <translation>la base de datos se ha cerrado</translation>
    </message>
    <message>
        <source>no statement was prepared</source>
        <translation>no se ha preparado ninguna sentencia</translation>
    </message>
    <message>
        <source>Parameter count mismatch</source>
        <translation>El número de parámetros no coincide</translation>
    </message>
    <message>
        <source>value %1 (%2) has no placeholder in the statement</source>
        <translation>el valor %1 (%2) no tiene marcador de posición en la sentencia</translation>
    </message>
    <message>
        <source>no value was bound for placeholder %1 %2</source>
        <translation>no se ha vinculado ningún valor al marcador de posición %1 %2</translation>
    </message>
    <message>
        <source>Unable to bind a value</source>
        <translation>No se puede vincular un valor</translation>
    </message>
    <message>
        <source>the unsigned value %1 does not fit a 64-bit SQLite integer</source>
        <translation>el valor sin signo %1 no cabe en un entero SQLite de 64 bits</translation>
    </message>
    <message>
        <source>values of type %1 cannot be stored</source>
        <translation>no se pueden almacenar valores de tipo %1</translation>
    </message>
    <message>
        <source>Unable to fetch a row</source>
        <translation>No se puede obtener una fila</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Enter the practice server&apos;s address, for example https://practice.example.org.</source>
        <translation>Introduzca la dirección del servidor del centro, por ejemplo https://practice.example.org.</translation>
    </message>
    <message>
        <source>Use https:// for the practice server: plain http:// is only allowed for a server on this computer.</source>
        <translation>Use https:// para el servidor del centro: http:// sin cifrar solo se admite para un servidor en este equipo.</translation>
    </message>
    <message>
        <source>The server address must start with https://.</source>
        <translation>La dirección del servidor debe empezar por https://.</translation>
    </message>
</context>
<context>
    <name>SyncStore</name>
    <message>
        <source>The server answered for a change this desk did not send; nothing was applied.</source>
        <translation>El servidor respondió por un cambio que este puesto no envió; no se aplicó nada.</translation>
    </message>
    <message>
        <source>A record from the practice server (%1 %2) breaks a rule of this desk&apos;s database; nothing was applied.</source>
        <translation>Un registro del servidor de la consulta (%1 %2) incumple una regla de la base de datos de este puesto; no se aplicó nada.</translation>
    </message>
    <message>
        <source>This conflict was already resolved.</source>
        <translation>Este conflicto ya se resolvió.</translation>
    </message>
    <message>
        <source>This desk does not know that kind of record.</source>
        <translation>Este puesto no conoce ese tipo de registro.</translation>
    </message>
    <message>
        <source>Sync conflict resolved</source>
        <translation>Conflicto de sincronización resuelto</translation>
    </message>
</context>
<context>
    <name>Wire</name>
    <message>
        <source>The sync message is not valid: %1</source>
        <translation>El mensaje de sincronización no es válido: %1</translation>
    </message>
    <message>
        <source>A push may carry at most %1 operations; this one has %2.</source>
        <translation>Un envío puede llevar como máximo %1 operaciones; este lleva %2.</translation>
    </message>
</context>
<context>
    <name>pd</name>
    <message>
        <source>the client has no name</source>
        <translation>el cliente no tiene nombre</translation>
    </message>
    <message>
        <source>date_of_birth &quot;%1&quot; is not a date in the form YYYY-MM-DD</source>
        <translation>date_of_birth &quot;%1&quot; no es una fecha con el formato AAAA-MM-DD</translation>
    </message>
    <message>
        <source>is_minor must be yes or no, not &quot;%1&quot;</source>
        <translation>is_minor debe ser yes o no, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>contact_relation &quot;%1&quot; is not a known relation type (e.g. parent, legal_guardian, responsible_party, emergency_contact)</source>
        <translation>contact_relation &quot;%1&quot; no es un tipo de relación conocido (p. ej., parent, legal_guardian, responsible_party, emergency_contact)</translation>
    </message>
    <message>
        <source>contact_email: %1</source>
        <translation>contact_email: %1</translation>
    </message>
    <message>
        <source>contact_phone: %1</source>
        <translation>contact_phone: %1</translation>
    </message>
    <message>
        <source>The file is empty; expected a header row such as: %1</source>
        <translation>El archivo está vacío; se esperaba una fila de encabezado como: %1</translation>
    </message>
    <message>
        <source>The header row is not recognized%1. Expected columns: %2</source>
        <translation>No se reconoce la fila de encabezado%1. Columnas esperadas: %2</translation>
    </message>
    <message>
        <source> (unknown columns: %1)</source>
        <translation> (columnas desconocidas: %1)</translation>
    </message>
    <message>
        <source>line %1: has %2 fields, the header has %3</source>
        <translation>línea %1: tiene %2 campos y el encabezado tiene %3</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
    <message>
        <source>line %1: duplicate of line %2</source>
        <translation>línea %1: duplicado de la línea %2</translation>
    </message>
    <message>
        <source>lines %1 to %2: %3</source>
        <translation>líneas %1 a %2: %3</translation>
    </message>
    <message>
        <source>The header row names the column %1 twice (columns %2 and %3). Each column may appear once; remove or rename one of them.</source>
        <translation>La fila de encabezado nombra la columna %1 dos veces (columnas %2 y %3). Cada columna puede aparecer una sola vez; elimine o cambie el nombre de una de ellas.</translation>
    </message>
    <message>
        <source>line %1: already in the database as client %2</source>
        <translation>línea %1: ya está en la base de datos como cliente %2</translation>
    </message>
</context>
<context>
    <name>pd::ClientEditor</name>
    <message>
        <source>New client [*] — PracticeDesk</source>
        <translation>Nuevo cliente [*] — PracticeDesk</translation>
    </message>
    <message>
        <source>Client [*] — PracticeDesk</source>
        <translation>Cliente [*] — PracticeDesk</translation>
    </message>
    <message>
        <source>Client profile</source>
        <translation>Perfil del cliente</translation>
    </message>
    <message>
        <source>Save the client and close (%1)</source>
        <translation>Guardar el cliente y cerrar (%1)</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>Ape&amp;llidos:</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Fecha de nac&amp;imiento:</translation>
    </message>
    <message>
        <source>&amp;Minor (needs a Legal Guardian)</source>
        <translation>&amp;Menor (requiere un tutor legal)</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Menor</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@example.com</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>+1 555 010 0000</source>
        <translation>+1 555 010 0000</translation>
    </message>
    <message>
        <source>Mobile &amp;phone:</source>
        <translation>&amp;Teléfono móvil:</translation>
    </message>
    <message>
        <source>Preferred contact method</source>
        <translation>Método de contacto preferido</translation>
    </message>
    <message>
        <source>Text message (SMS)</source>
        <translation>Mensaje de texto (SMS)</translation>
    </message>
    <message>
        <source>Email and text message</source>
        <translation>Correo electrónico y mensaje de texto</translation>
    </message>
    <message>
        <source>Pre&amp;ferred method:</source>
        <translation>Méto&amp;do preferido:</translation>
    </message>
    <message>
        <source>Contacts are reached the same way.</source>
        <translation>Con los contactos se usa el mismo método.</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Contacto principal</translation>
    </message>
    <message>
        <source>Primary c&amp;ontact:</source>
        <translation>Contacto &amp;principal:</translation>
    </message>
    <message>
        <source>Confidential &amp;communications (messages go to the client only)</source>
        <translation>Comunicaciones con&amp;fidenciales (los mensajes solo se envían al cliente)</translation>
    </message>
    <message>
        <source>Confidential communications</source>
        <translation>Comunicaciones confidenciales</translation>
    </message>
    <message>
        <source>Reason for confidential communications</source>
        <translation>Motivo de las comunicaciones confidenciales</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Motivo (opcional)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Res&amp;umen</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 de %2 caracteres</translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation>Aña&amp;dir contacto…</translation>
    </message>
    <message>
        <source>Add a parent, guardian or other person (Ctrl+Shift+A)</source>
        <translation>Añadir un padre, madre, tutor u otra persona (Ctrl+Mayús+A)</translation>
    </message>
    <message>
        <source>&amp;Link a client…</source>
        <translation>&amp;Vincular un cliente…</translation>
    </message>
    <message>
        <source>Add a person who is already a client of the practice, found by name or client ID</source>
        <translation>Añadir una persona que ya es cliente del centro, buscándola por nombre o ID de cliente</translation>
    </message>
    <message>
        <source>Who &amp;gets messages?</source>
        <translation>¿&amp;Quién recibe los mensajes?</translation>
    </message>
    <message>
        <source>Preview who would receive each kind of notification, and why others would not</source>
        <translation>Ver quién recibiría cada tipo de notificación y por qué otros no</translation>
    </message>
    <message>
        <source>A&amp;ctions</source>
        <translation>Acc&amp;iones</translation>
    </message>
    <message>
        <source>Actions for the selected person</source>
        <translation>Acciones para la persona seleccionada</translation>
    </message>
    <message>
        <source>Contacts and relations</source>
        <translation>Contactos y relaciones</translation>
    </message>
    <message>
        <source>Double-click a row to edit it; the first row is the client&apos;s own notifications.</source>
        <translation>Haga doble clic en una fila para editarla; la primera fila corresponde a las notificaciones del propio cliente.</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Portal access and permissions…</source>
        <translation>&amp;Acceso al portal y permisos…</translation>
    </message>
    <message>
        <source>Re&amp;voke portal access</source>
        <translation>Re&amp;vocar el acceso al portal</translation>
    </message>
    <message>
        <source>Make &amp;primary contact</source>
        <translation>Establecer como contacto &amp;principal</translation>
    </message>
    <message>
        <source>&amp;Convert to a client</source>
        <translation>&amp;Convertir en cliente</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Contacts &amp;&amp; &amp;relations</source>
        <translation>Contactos y &amp;relaciones</translation>
    </message>
    <message>
        <source>this contact</source>
        <translation>este contacto</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Cliente %1</translation>
    </message>
    <message>
        <source>1 year old</source>
        <translation>1 año</translation>
    </message>
    <message>
        <source>%1 years old</source>
        <translation>%1 años</translation>
    </message>
    <message>
        <source>Not needed: the client has an email or phone</source>
        <translation>No es necesario: el cliente tiene correo electrónico o teléfono</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <source>Without an email or mobile phone, the client needs a contact who can be reached: add one on the Contacts &amp; relations tab.</source>
        <translation>Sin correo electrónico ni teléfono móvil, el cliente necesita un contacto localizable: añada uno en la pestaña Contactos y relaciones.</translation>
    </message>
    <message>
        <source>Every email and text message for this client (reminders, forms, invoices) goes to %1.</source>
        <translation>Todos los correos electrónicos y mensajes de texto de este cliente (recordatorios, formularios, facturas) se envían a %1.</translation>
    </message>
    <message>
        <source>Link a client</source>
        <translation>Vincular un cliente</translation>
    </message>
    <message>
        <source>That client is already on the list.</source>
        <translation>Ese cliente ya está en la lista.</translation>
    </message>
    <message>
        <source>The client&apos;s own notifications</source>
        <translation>Notificaciones del propio cliente</translation>
    </message>
    <message>
        <source>Switch off what the client should not receive itself, for example when a child uses a parent&apos;s email. Contacts keep their own settings.</source>
        <translation>Desactive lo que el propio cliente no deba recibir, por ejemplo, cuando un menor usa el correo electrónico de su padre o madre. Los contactos conservan su propia configuración.</translation>
    </message>
    <message>
        <source>The client receives</source>
        <translation>El cliente recibe</translation>
    </message>
    <message>
        <source>%1 has no email address, which the portal invitation is sent to. Add one with Edit first, or leave the invitation off.</source>
        <translation>%1 no tiene dirección de correo electrónico, que es adonde se envía la invitación al portal. Añada una primero con Editar o deje la invitación desactivada.</translation>
    </message>
    <message>
        <source>%1 has no email or mobile phone, so cannot be the primary contact.</source>
        <translation>%1 no tiene correo electrónico ni teléfono móvil, por lo que no puede ser el contacto principal.</translation>
    </message>
    <message>
        <source>Save your changes first: converting %1 into a client is saved at once.</source>
        <translation>Guarde primero los cambios: la conversión de %1 en cliente se guarda de inmediato.</translation>
    </message>
    <message>
        <source>Convert to a client</source>
        <translation>Convertir en cliente</translation>
    </message>
    <message>
        <source>Make %1 a client of the practice? Their details then come from their own profile, and they stay linked to this client.</source>
        <translation>¿Convertir a %1 en cliente del centro? A partir de entonces, sus datos procederán de su propio perfil y se mantendrá el vínculo con este cliente.</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>Convertir</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Quitar contacto</translation>
    </message>
    <message>
        <source>Remove %1 from this client&apos;s contacts? They will no longer receive this client&apos;s messages or see anything of this client in the portal.</source>
        <translation>¿Quitar a %1 de los contactos de este cliente? Dejará de recibir los mensajes de este cliente y de ver información de este cliente en el portal.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Portal run by a &amp;parent…</source>
        <translation>Portal gestionado por &amp;padre/madre…</translation>
    </message>
    <message>
        <source>A parent who is also a client runs this client&apos;s portal; the client then has no portal access of their own</source>
        <translation>Un padre o madre que también es cliente gestiona el portal de este cliente; el cliente deja de tener acceso propio al portal</translation>
    </message>
    <message>
        <source>&amp;End parent-portal mode</source>
        <translation>&amp;Finalizar modo portal de padres</translation>
    </message>
    <message>
        <source>Portal features for this client. The organization&apos;s settings apply; here a feature can be switched off for this client only.</source>
        <translation>Funciones del portal para este cliente. Se aplica la configuración de la organización; aquí puede desactivar una función solo para este cliente.</translation>
    </message>
    <message>
        <source>Por&amp;tal</source>
        <translation>Port&amp;al</translation>
    </message>
    <message>
        <source>Switched off for this client.</source>
        <translation>Desactivado para este cliente.</translation>
    </message>
    <message>
        <source>The client uses their own portal.</source>
        <translation>El cliente usa su propio portal.</translation>
    </message>
    <message>
        <source>%1 (client %2) runs this client&apos;s portal; the client has no portal access of their own.</source>
        <translation>%1 (cliente %2) gestiona el portal de este cliente; el cliente no tiene acceso propio al portal.</translation>
    </message>
    <message>
        <source>Who runs this client&apos;s portal?</source>
        <translation>¿Quién gestiona el portal de este cliente?</translation>
    </message>
    <message>
        <source>Timeline of changes</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>%1 (client %2) [*] — PracticeDesk</source>
        <translation>%1 (cliente %2) [*] — PracticeDesk</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>This client has changes that are not saved. Discard them?</source>
        <translation>Este cliente tiene cambios sin guardar. ¿Desea descartarlos?</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>pd::ClientListModel</name>
    <message>
        <source>%1, %2</source>
        <comment>client list: last name, first name</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Menor</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
</context>
<context>
    <name>pd::ConflictsDialog</name>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Sync conflicts — PracticeDesk</source>
        <translation>Conflictos de sincronización — PracticeDesk</translation>
    </message>
    <message>
        <source>Another desk changed the same thing as this desk before they synced. Both versions are kept until you choose which one stays.</source>
        <translation>Otro puesto cambió lo mismo que este puesto antes de sincronizar. Se conservan ambas versiones hasta que usted elija cuál se queda.</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Conflictos pendientes</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Resolver</translation>
    </message>
    <message>
        <source>No conflicts: everything is in sync.</source>
        <translation>No hay conflictos: todo está sincronizado.</translation>
    </message>
    <message>
        <source>Choose a conflict above.</source>
        <translation>Elija un conflicto arriba.</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>Mantenerlo eliminado</translation>
    </message>
    <message>
        <source>Keep it, with this desk&apos;s changes</source>
        <translation>Conservarlo, con los cambios de este puesto</translation>
    </message>
    <message>
        <source>Keep it, with the other desk&apos;s changes</source>
        <translation>Conservarlo, con los cambios del otro puesto</translation>
    </message>
    <message>
        <source>Other desk: %1</source>
        <translation>Otro puesto: %1</translation>
    </message>
    <message>
        <source>This desk: %1</source>
        <translation>Este puesto: %1</translation>
    </message>
    <message>
        <source>Merged:</source>
        <translation>Combinado:</translation>
    </message>
    <message>
        <source>Merged value for %1</source>
        <translation>Valor combinado para %1</translation>
    </message>
</context>
<context>
    <name>pd::ConflictsModel</name>
    <message>
        <source>Client %1</source>
        <translation>Cliente %1</translation>
    </message>
    <message>
        <source>A client</source>
        <translation>Un cliente</translation>
    </message>
    <message>
        <source>A contact of %1</source>
        <translation>Un contacto de %1</translation>
    </message>
    <message>
        <source>A relation</source>
        <translation>Una relación</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Contacto %1</translation>
    </message>
    <message>
        <source>A contact</source>
        <translation>Un contacto</translation>
    </message>
    <message>
        <source>Organization setting %1</source>
        <translation>Configuración de la organización %1</translation>
    </message>
    <message>
        <source>A portal setting of a client</source>
        <translation>Una opción del portal de un cliente</translation>
    </message>
    <message>
        <source>Deleted on another desk, changed here</source>
        <translation>Eliminado en otro puesto, cambiado aquí</translation>
    </message>
    <message>
        <source>Deleted here, changed on another desk</source>
        <translation>Eliminado aquí, cambiado en otro puesto</translation>
    </message>
    <message>
        <source>Both desks changed: %1</source>
        <translation>Ambos puestos cambiaron: %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ocurrió</translation>
    </message>
</context>
<context>
    <name>pd::DataFolder</name>
    <message>
        <source>The database %1 is damaged or is not a PracticeDesk database (%2). It was left exactly as it is; restore it from a backup with `practicedesk-cli restore FILE`.</source>
        <translation>La base de datos %1 está dañada o no es una base de datos de PracticeDesk (%2). Se ha dejado exactamente como estaba; restáurela desde una copia de seguridad con `practicedesk-cli restore FILE`.</translation>
    </message>
    <message>
        <source>%1 already has a database; it was left untouched.</source>
        <translation>%1 ya tiene una base de datos; no se ha modificado.</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <source>There is no PracticeDesk database in %1. Create one with `practicedesk-cli init`, or choose the folder with --data-dir.</source>
        <translation>No hay ninguna base de datos de PracticeDesk en %1. Cree una con `practicedesk-cli init` o elija la carpeta con --data-dir.</translation>
    </message>
    <message>
        <source>The database %1 is empty (0 bytes): it is damaged. It was left as it is; restore it from a backup with `practicedesk-cli restore FILE`.</source>
        <translation>La base de datos %1 está vacía (0 bytes): está dañada. Se ha dejado tal cual; restáurela desde una copia de seguridad con `practicedesk-cli restore FILE`.</translation>
    </message>
    <message>
        <source>The new key could not be stored (%1); the database was %2.</source>
        <translation>No se pudo guardar la nueva clave (%1); la base de datos %2.</translation>
    </message>
    <message>
        <source>left with its old key</source>
        <translation>se ha dejado con su clave anterior</translation>
    </message>
    <message>
        <source>NOT restored to its old key</source>
        <translation>NO se ha restaurado a su clave anterior</translation>
    </message>
    <message>
        <source>The folder is not unlocked.</source>
        <translation>La carpeta no está desbloqueada.</translation>
    </message>
    <message>
        <source>The backup was written, but its key slot %1 could not be written.</source>
        <translation>La copia de seguridad se escribió, pero no se pudo escribir su ranura de clave %1.</translation>
    </message>
    <message>
        <source>There is no backup file %1.</source>
        <translation>No existe el archivo de copia de seguridad %1.</translation>
    </message>
    <message>
        <source>This folder has no database yet: restoring needs the backup&apos;s key slot %1 and its passphrase (--passphrase-stdin).</source>
        <translation>Esta carpeta aún no tiene base de datos: para restaurar se necesitan la ranura de clave %1 de la copia de seguridad y su frase de contraseña (--passphrase-stdin).</translation>
    </message>
    <message>
        <source>The backup could not be copied into %1.</source>
        <translation>No se pudo copiar la copia de seguridad en %1.</translation>
    </message>
    <message>
        <source>%1 is not a PracticeDesk backup that opens with this folder&apos;s key (it may be damaged, or made before a rekey: give its passphrase with --passphrase-stdin to use %1.keyslot). Nothing was changed.</source>
        <translation>%1 no es una copia de seguridad de PracticeDesk que se abra con la clave de esta carpeta (puede estar dañada o haberse hecho antes de un cambio de clave: indique su frase de contraseña con --passphrase-stdin para usar %1.keyslot). No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The backup %1 is damaged; nothing was changed.</source>
        <translation>La copia de seguridad %1 está dañada; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The current database could not be set aside; nothing was changed.</source>
        <translation>No se pudo apartar la base de datos actual; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The backup could not be put in place; nothing was changed.</source>
        <translation>No se pudo colocar la copia de seguridad en su sitio; no se ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>pd::DeskSync</name>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sincronización</translation>
    </message>
    <message>
        <source>Sign &amp;in to the practice server…</source>
        <translation>&amp;Iniciar sesión en el servidor del centro…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflictos…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 cambio pendiente</translation>
    </message>
    <message>
        <source>%1 changes waiting</source>
        <translation>%1 cambios pendientes</translation>
    </message>
    <message>
        <source>Not signed in to the practice server · %1</source>
        <translation>Sin sesión en el servidor del centro · %1</translation>
    </message>
    <message>
        <source>Syncing: %1 sent, %2 received · %3</source>
        <translation>Sincronizando: %1 enviados, %2 recibidos · %3</translation>
    </message>
    <message>
        <source>Online · synced %1 · %2</source>
        <translation>En línea · sincronizado a las %1 · %2</translation>
    </message>
    <message>
        <source>Online · %1</source>
        <translation>En línea · %1</translation>
    </message>
    <message>
        <source>Offline · %1 · retrying</source>
        <translation>Sin conexión · %1 · reintentando</translation>
    </message>
    <message>
        <source>Sync problem: %1 · %2</source>
        <translation>Problema de sincronización: %1 · %2</translation>
    </message>
    <message>
        <source>1 conflict to resolve</source>
        <translation>1 conflicto por resolver</translation>
    </message>
    <message>
        <source>%1 conflicts to resolve</source>
        <translation>%1 conflictos por resolver</translation>
    </message>
    <message>
        <source>Only administrators of the practice can change organization settings.</source>
        <translation>Solo los administradores del centro pueden cambiar la configuración de la organización.</translation>
    </message>
</context>
<context>
    <name>pd::DesktopStartup</name>
    <message>
        <source>PracticeDesk locked itself after a minute without activity. Enter the passphrase to continue.</source>
        <translation>PracticeDesk se bloqueó tras un minuto sin actividad. Introduzca la frase de contraseña para continuar.</translation>
    </message>
    <message>
        <source>PracticeDesk locked itself after %1 minutes without activity. Enter the passphrase to continue.</source>
        <translation>PracticeDesk se ha bloqueado tras %1 minutos de inactividad. Introduzca la frase de contraseña para continuar.</translation>
    </message>
    <message>
        <source>There is no PracticeDesk database in %1.

Create one with `practicedesk-cli init`, or start with --demo to try PracticeDesk with made-up clients.</source>
        <translation>No hay ninguna base de datos de PracticeDesk en %1.

Cree una con `practicedesk-cli init` o inicie con --demo para probar PracticeDesk con clientes ficticios.</translation>
    </message>
    <message>
        <source>PracticeDesk is locked. Enter the passphrase to continue.</source>
        <translation>PracticeDesk está bloqueado. Introduzca la frase de contraseña para continuar.</translation>
    </message>
    <message>
        <source>PracticeDesk</source>
        <translation>PracticeDesk</translation>
    </message>
</context>
<context>
    <name>pd::LinkClientDialog</name>
    <message>
        <source>Search by name, email, phone or client ID</source>
        <translation>Buscar por nombre, correo, teléfono o ID de cliente</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Buscar clientes</translation>
    </message>
    <message>
        <source>Matching clients</source>
        <translation>Clientes coincidentes</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Elegir</translation>
    </message>
    <message>
        <source>Choose a client from the list.</source>
        <translation>Elija un cliente de la lista.</translation>
    </message>
    <message>
        <source>That is the client you are editing; choose someone else.</source>
        <translation>Ese es el cliente que está editando; elija a otra persona.</translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message>
        <source>PracticeDesk</source>
        <translation>PracticeDesk</translation>
    </message>
    <message>
        <source>Search by name, email, phone or client ID</source>
        <translation>Buscar por nombre, correo, teléfono o ID de cliente</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Buscar clientes</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Nuevo cliente…</translation>
    </message>
    <message>
        <source>&amp;Open client</source>
        <translation>&amp;Abrir cliente</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>&amp;Buscar cliente</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>B&amp;loquear</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Organization settings…</source>
        <translation>&amp;Configuración de la organización…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
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
        <translation>Ctrl+F  buscar un cliente
Intro  abrir el cliente seleccionado
Ctrl+N  nuevo cliente
Ctrl+S  guardar el cliente
Esc  cerrar sin guardar (pide confirmación)
Alt+1…4  pestañas del perfil
F2  editar el contacto seleccionado
Supr  quitar el contacto seleccionado
Ctrl+L  bloquear PracticeDesk</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Showing %1 of %2 clients</source>
        <translation>Mostrando %1 de %2 clientes</translation>
    </message>
    <message>
        <source> (scroll for more)</source>
        <translation> (desplácese para ver más)</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 coincidencia</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 coincidencias</translation>
    </message>
</context>
<context>
    <name>pd::NotificationTogglesBox</name>
    <message>
        <source>Appointment &amp;reminders</source>
        <translation>Recordatorios de c&amp;itas</translation>
    </message>
    <message>
        <source>&amp;Confirmations, cancellations and missed-appointment notices</source>
        <translation>Con&amp;firmaciones, cancelaciones y avisos de cita perdida</translation>
    </message>
    <message>
        <source>&amp;Scheduled emails and text messages</source>
        <translation>Correos electrónicos y mensajes de texto programado&amp;s</translation>
    </message>
    <message>
        <source>&amp;Telehealth links</source>
        <translation>Enlaces de te&amp;lesalud</translation>
    </message>
    <message>
        <source>These cannot take effect: %1</source>
        <translation>Estas opciones no pueden aplicarse: %1</translation>
    </message>
</context>
<context>
    <name>pd::OrganizationSettingsDialog</name>
    <message>
        <source>Organization settings [*] — PracticeDesk</source>
        <translation>Configuración de la organización [*] — PracticeDesk</translation>
    </message>
    <message>
        <source>Client portal</source>
        <translation>Portal del cliente</translation>
    </message>
    <message>
        <source>Card &amp;processing is set up</source>
        <translation>El &amp;procesamiento de tarjetas está configurado</translation>
    </message>
    <message>
        <source>Email the client when someone…</source>
        <translation>Enviar un correo al cliente cuando alguien…</translation>
    </message>
    <message>
        <source>books an appointment for them</source>
        <translation>le reserva una cita</translation>
    </message>
    <message>
        <source>reschedules their appointment</source>
        <translation>cambia la fecha de su cita</translation>
    </message>
    <message>
        <source>cancels their appointment</source>
        <translation>cancela su cita</translation>
    </message>
    <message>
        <source>deletes their appointment</source>
        <translation>elimina su cita</translation>
    </message>
    <message>
        <source>changes the clinician of their appointment</source>
        <translation>cambia el profesional de su cita</translation>
    </message>
    <message>
        <source>confirms their appointment request</source>
        <translation>confirma su solicitud de cita</translation>
    </message>
    <message>
        <source>declines their appointment request</source>
        <translation>rechaza su solicitud de cita</translation>
    </message>
    <message>
        <source>undoes a confirmation or decline</source>
        <translation>deshace una confirmación o un rechazo</translation>
    </message>
    <message>
        <source>Desks</source>
        <translation>Puestos</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Default country calling code</source>
        <translation>Prefijo telefónico predeterminado</translation>
    </message>
    <message>
        <source>Default &amp;country code:</source>
        <translation>&amp;Prefijo del país:</translation>
    </message>
    <message>
        <source>Phone numbers typed without + get this code, e.g. 1 for the US and Canada, 34 for Spain.</source>
        <translation>Los teléfonos escritos sin + reciben este prefijo, p. ej. 1 para EE. UU. y Canadá, 34 para España.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The organization settings have changes that are not saved. Discard them?</source>
        <translation>La configuración de la organización tiene cambios sin guardar. ¿Descartarlos?</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source> minute</source>
        <translation> minuto</translation>
    </message>
    <message>
        <source>These settings apply to every client and every desk of the practice. Changes are sent to the practice server with the next sync.</source>
        <translation>Estos ajustes se aplican a todos los clientes y todos los puestos de la consulta. Los cambios se envían al servidor de la consulta en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Card processing is set up</source>
        <translation>El procesamiento de tarjetas está configurado</translation>
    </message>
    <message>
        <source>Email the client when someone %1</source>
        <translation>Enviar un correo al cliente cuando alguien %1</translation>
    </message>
    <message>
        <source>Lock a desk after this many minutes without activity</source>
        <translation>Bloquear un puesto tras estos minutos de inactividad</translation>
    </message>
    <message>
        <source>&amp;Lock idle desks after:</source>
        <translation>&amp;Bloquear puestos inactivos tras:</translation>
    </message>
    <message>
        <source>The saved settings could not be read (%1). The defaults are shown; Save writes only what you change.</source>
        <translation>No se pudieron leer los ajustes guardados (%1). Se muestran los valores predeterminados; Guardar solo escribe lo que cambie.</translation>
    </message>
    <message>
        <source>Save the organization settings</source>
        <translation>Guardar la configuración de la organización</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>Cancelar sin guardar</translation>
    </message>
    <message>
        <source>Enter 1 to 3 digits, not starting with 0, e.g. 1 or 34.</source>
        <translation>Introduzca de 1 a 3 dígitos, sin empezar por 0, p. ej. 1 o 34.</translation>
    </message>
</context>
<context>
    <name>pd::PeopleModel</name>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>reminders</source>
        <translation>recordatorios</translation>
    </message>
    <message>
        <source>confirmations</source>
        <translation>confirmaciones</translation>
    </message>
    <message>
        <source>scheduled messages</source>
        <translation>mensajes programados</translation>
    </message>
    <message>
        <source>telehealth links</source>
        <translation>enlaces de telesalud</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Sin acceso</translation>
    </message>
    <message>
        <source>1 permission</source>
        <translation>1 permiso</translation>
    </message>
    <message>
        <source>%1 permissions</source>
        <translation>%1 permisos</translation>
    </message>
    <message>
        <source>Invited, %1</source>
        <translation>Con invitación, %1</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Venció el %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Desde el %1</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Hasta el %1</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>The client: switch off the messages the client should not receive itself (for example a child who uses a parent&apos;s email).</source>
        <translation>El cliente: desactive los mensajes que el propio cliente no deba recibir (por ejemplo, un menor que usa el correo electrónico de su padre o madre).</translation>
    </message>
    <message>
        <source>%1 (this client)</source>
        <translation>%1 (este cliente)</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Own portal</source>
        <translation>Portal propio</translation>
    </message>
    <message>
        <source>Run by a parent</source>
        <translation>Gestionado por padre/madre</translation>
    </message>
    <message>
        <source>%1 (client)</source>
        <translation>%1 (cliente)</translation>
    </message>
    <message>
        <source>%1 (cannot receive)</source>
        <translation>%1 (no puede recibir)</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Contacto principal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Vigencia</translation>
    </message>
</context>
<context>
    <name>pd::PermissionDialog</name>
    <message>
        <source>Portal access for %1</source>
        <translation>Acceso al portal para %1</translation>
    </message>
    <message>
        <source>What %1 may see and do in the client portal on the client&apos;s behalf. The practice server enforces these on every request; a change takes effect on the very next one.</source>
        <translation>Lo que %1 puede ver y hacer en el portal del cliente en nombre del cliente. El servidor del centro aplica estos permisos en cada solicitud; un cambio tiene efecto a partir de la siguiente.</translation>
    </message>
    <message>
        <source>Send an &amp;invitation to the client portal</source>
        <translation>Enviar una &amp;invitación al portal del cliente</translation>
    </message>
    <message>
        <source>Send an invitation to the client portal</source>
        <translation>Enviar una invitación al portal del cliente</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>Use the &amp;defaults for %1</source>
        <translation>Usar los valores pre&amp;determinados para %1</translation>
    </message>
</context>
<context>
    <name>pd::RelationDialog</name>
    <message>
        <source>Add contact</source>
        <translation>Añadir contacto</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Editar contacto</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@example.com</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>+1 555 010 0000</source>
        <translation>+1 555 010 0000</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Mobile phone:</source>
        <translation>Teléfono &amp;móvil:</translation>
    </message>
    <message>
        <source>This person is a client of the practice: their details come from their own profile and stay current there.</source>
        <translation>Esta persona es cliente del centro: sus datos proceden de su propio perfil y se mantienen actualizados allí.</translation>
    </message>
    <message>
        <source>Nothing here is required, but without an email or mobile phone this person receives no notifications, and portal access needs an email.</source>
        <translation>Ningún campo es obligatorio, pero sin correo electrónico ni teléfono móvil esta persona no recibe notificaciones, y el acceso al portal requiere un correo electrónico.</translation>
    </message>
    <message>
        <source>Relation to the client</source>
        <translation>Relación con el cliente</translation>
    </message>
    <message>
        <source>Relation type</source>
        <translation>Tipo de relación</translation>
    </message>
    <message>
        <source>Relationship to the client</source>
        <translation>Parentesco con el cliente</translation>
    </message>
    <message>
        <source>for example: stepmother, aunt, foster parent</source>
        <translation>por ejemplo: madrastra, tía, padre/madre de acogida</translation>
    </message>
    <message>
        <source>Relation &amp;type:</source>
        <translation>Tipo de &amp;relación:</translation>
    </message>
    <message>
        <source>Relations&amp;hip:</source>
        <translation>&amp;Parentesco:</translation>
    </message>
    <message>
        <source>Notifications this person receives</source>
        <translation>Notificaciones que recibe esta persona</translation>
    </message>
    <message>
        <source>Can &amp;manage appointments</source>
        <translation>Puede &amp;gestionar citas</translation>
    </message>
    <message>
        <source>Can manage appointments</source>
        <translation>Puede gestionar citas</translation>
    </message>
    <message>
        <source>Custody and validity</source>
        <translation>Custodia y vigencia</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Custodia</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Joint custody</source>
        <translation>Custodia compartida</translation>
    </message>
    <message>
        <source>Sole custody</source>
        <translation>Custodia exclusiva</translation>
    </message>
    <message>
        <source>Court order reference</source>
        <translation>Referencia de la orden judicial</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>Válido &amp;desde</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido desde</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>Válido &amp;hasta</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <source>C&amp;ustody:</source>
        <translation>C&amp;ustodia:</translation>
    </message>
    <message>
        <source>Court &amp;order reference:</source>
        <translation>Referencia de la &amp;orden judicial:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>The relation cannot end before it starts.</source>
        <translation>La relación no puede terminar antes de empezar.</translation>
    </message>
</context>
<context>
    <name>pd::RoutingModel</name>
    <message>
        <source>%1 (the client)</source>
        <translation>%1 (el cliente)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Por qué no</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>El cliente</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Primary contact, instead of the client</source>
        <translation>Contacto principal, en lugar del cliente</translation>
    </message>
    <message>
        <source>Primary contact, instead of %1</source>
        <translation>Contacto principal, en lugar de %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>pd::RoutingPreviewDialog</name>
    <message>
        <source>Who gets messages — PracticeDesk</source>
        <translation>Quién recibe los mensajes — PracticeDesk</translation>
    </message>
    <message>
        <source>Who would receive this kind of message for this client, and why anyone else would not. The practice server sends by the same rules.</source>
        <translation>Quién recibiría este tipo de mensaje de este cliente y por qué los demás no. El servidor del centro envía con las mismas reglas.</translation>
    </message>
    <message>
        <source>Kind of message</source>
        <translation>Tipo de mensaje</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensaje:</translation>
    </message>
    <message>
        <source>Will receive</source>
        <translation>Recibirá</translation>
    </message>
    <message>
        <source>Will not receive</source>
        <translation>No recibirá</translation>
    </message>
    <message>
        <source>Nobody would receive this message.</source>
        <translation>Nadie recibiría este mensaje.</translation>
    </message>
    <message>
        <source>1 message would be sent.</source>
        <translation>Se enviaría 1 mensaje.</translation>
    </message>
    <message>
        <source>%1 messages would be sent (one per address and channel).</source>
        <translation>Se enviarían %1 mensajes (uno por dirección y canal).</translation>
    </message>
    <message>
        <source>The preview is not available.</source>
        <translation>La vista previa no está disponible.</translation>
    </message>
    <message>
        <source>&amp;Will receive</source>
        <translation>&amp;Lo recibirán</translation>
    </message>
    <message>
        <source>Will &amp;not receive</source>
        <translation>&amp;No lo recibirán</translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation>Cerrar la vista previa</translation>
    </message>
    <message>
        <source>Who would receive this kind of message for %1, and why anyone else would not. The practice server sends by the same rules.</source>
        <translation>Quién recibiría este tipo de mensaje de %1 y por qué los demás no. El servidor de la consulta envía con las mismas reglas.</translation>
    </message>
</context>
<context>
    <name>pd::SignInDialog</name>
    <message>
        <source>Sign in to the practice server</source>
        <translation>Iniciar sesión en el servidor del centro</translation>
    </message>
    <message>
        <source>Changes made on this desk are sent to the practice server, and everyone else&apos;s are received, whenever the server can be reached.</source>
        <translation>Los cambios hechos en este puesto se envían al servidor del centro, y se reciben los de los demás, siempre que se pueda llegar al servidor.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>https://practice.example.org</source>
        <translation>https://practice.example.org</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Introduzca su nombre de usuario y contraseña.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>pd::SqlCipherDriver</name>
    <message>
        <source>Could not open the database %1</source>
        <translation>No se pudo abrir la base de datos %1</translation>
    </message>
    <message>
        <source>the QSQLCIPHER driver does not take a password; apply the key with sqlite3_key() on the connection handle</source>
        <translation>el controlador QSQLCIPHER no acepta contraseña; aplique la clave con sqlite3_key() en el identificador de la conexión</translation>
    </message>
    <message>
        <source>Could not open the database</source>
        <translation>No se pudo abrir la base de datos</translation>
    </message>
    <message>
        <source>no database file name was given</source>
        <translation>no se indicó ningún nombre de archivo de base de datos</translation>
    </message>
    <message>
        <source>unknown or malformed connect option &quot;%1&quot;</source>
        <translation>opción de conexión desconocida o mal formada &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the SQLite library in this process is not SQLCipher (SQLite %1 without encryption)</source>
        <translation>la biblioteca SQLite de este proceso no es SQLCipher (SQLite %1 sin cifrado)</translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation>la base de datos no está abierta</translation>
    </message>
    <message>
        <source>Could not start a transaction</source>
        <translation>No se pudo iniciar una transacción</translation>
    </message>
    <message>
        <source>Could not commit the transaction</source>
        <translation>No se pudo confirmar la transacción</translation>
    </message>
    <message>
        <source>Could not roll back the transaction</source>
        <translation>No se pudo revertir la transacción</translation>
    </message>
    <message>
        <source>The SQL script failed</source>
        <translation>Error en el script SQL</translation>
    </message>
</context>
<context>
    <name>pd::SyncEngine</name>
    <message>
        <source>The practice server could not be reached (%1).</source>
        <translation>No se pudo llegar al servidor del centro (%1).</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for this account. Try again later.</source>
        <translation>Demasiados intentos fallidos para esta cuenta. Vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>El nombre de usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>El servidor respondió %1.</translation>
    </message>
    <message>
        <source>Signed out by the practice server; sign in again to sync.</source>
        <translation>El servidor del centro cerró la sesión; vuelva a iniciar sesión para sincronizar.</translation>
    </message>
    <message>
        <source>signing in</source>
        <translation>iniciar sesión</translation>
    </message>
    <message>
        <source>Not signed in to the practice server.</source>
        <translation>No hay sesión iniciada en el servidor del centro.</translation>
    </message>
    <message>
        <source>sending changes</source>
        <translation>enviar cambios</translation>
    </message>
    <message>
        <source>The server accepted none of the changes.</source>
        <translation>El servidor no aceptó ninguno de los cambios.</translation>
    </message>
    <message>
        <source>receiving changes</source>
        <translation>recibir cambios</translation>
    </message>
    <message>
        <source>The server&apos;s change log went backwards; nothing was applied.</source>
        <translation>El registro de cambios del servidor retrocedió; no se aplicó nada.</translation>
    </message>
    <message>
        <source>The practice server could not be reached while %1 (%2).</source>
        <translation>No se pudo llegar al servidor del centro al %1 (%2).</translation>
    </message>
    <message>
        <source>This PracticeDesk and the practice server do not speak the same version; update PracticeDesk. Your changes are kept on this desk.</source>
        <translation>Este PracticeDesk y el servidor del centro no usan la misma versión; actualice PracticeDesk. Sus cambios se conservan en este puesto.</translation>
    </message>
    <message>
        <source>The practice server answered %1 while %2.</source>
        <translation>El servidor del centro respondió %1 al %2.</translation>
    </message>
    <message>
        <source>The server&apos;s answer named another next page than its changes do; nothing of it was applied.</source>
        <translation>La respuesta del servidor indicaba una página siguiente distinta de la que dicen sus cambios; no se aplicó nada de ella.</translation>
    </message>
</context>
<context>
    <name>pd::TimelineModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
</context>
<context>
    <name>pd::UnlockDialog</name>
    <message>
        <source>Unlock PracticeDesk</source>
        <translation>Desbloquear PracticeDesk</translation>
    </message>
    <message>
        <source>Enter the passphrase that protects the client data in %1.</source>
        <translation>Introduzca la frase de contraseña que protege los datos de clientes en %1.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
</TS>
