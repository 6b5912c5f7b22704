#pragma once

#include <QString>

namespace pd {

// A new row or operation id: a UUID in the version-7 layout (48-bit Unix milliseconds,
// then random bits), written in the usual 8-4-4-4-12 form. Ids made later sort later, so
// inserting them appends to the primary-key b-tree instead of splitting random pages — a
// bulk import writes far fewer pages. They stay globally unique across desks (74 random bits).
QString newId();

} // namespace pd
