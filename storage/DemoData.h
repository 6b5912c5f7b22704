#pragma once

#include "core/Result.h"

namespace pd {

class Store;

// Fills a store with made-up, realistic clients (deterministic for a given seed): names
// from many languages (accents, Arabic, Hebrew, Chinese, Vietnamese), minors with a legal
// guardian, siblings who share a parent (one contact, same email, C9), clients with no
// email or phone whose parent is their primary contact (C7), emergency contacts.
// Used by `practicedesk-cli init --demo N`, scripts/run and the benchmarks.
struct DemoOptions
{
    int clients = 2000;
    int relationsPerClient = 3; // on average; 100,000 clients -> about 300,000 relations
    quint32 seed = 20261122;
};

struct DemoSummary
{
    int clients = 0;
    int contacts = 0;
    int relations = 0;
};

Result<DemoSummary> generateDemoData(Store& store, const DemoOptions& options);

} // namespace pd
