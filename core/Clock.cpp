#include "Clock.h"

namespace pd {

const Clock& Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace pd
