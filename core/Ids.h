#pragma once

#include <QByteArray>
#include <QString>

namespace pd {

// A new row or operation id: a UUID in the version-7 layout (48-bit Unix milliseconds,
// then random bits), written in the usual 8-4-4-4-12 form. Ids made later sort later, so
// inserting them appends to the primary-key b-tree instead of splitting random pages — a
// bulk import writes far fewer pages. They stay globally unique across desks (74 random bits).
QString newId();
// The same, as the 36 bytes of its UTF-8 (a bulk import binds ids as UTF-8).
QByteArray newIdUtf8();

} // namespace pd
