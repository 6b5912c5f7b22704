#pragma once

#include "Client.h"

namespace pd {

// A stand-alone person related to one or more clients (not a client of the practice).
struct Contact
{
    SyncMeta meta;
    QString firstName;
    QString lastName;
    QString email; // normalized
    QString phone; // E.164

    QString displayName() const;
};

} // namespace pd
