#pragma once

#include "storage/vault/SecureBytes.h"
#include "tests/testsupport/TestSupport.h"

#include <QByteArray>
#include <QString>
#include <QTest>

#include <memory>
#include <optional>

namespace pd::test {

// Starts an asynchronous call with a callback that records its result, spins the event
// loop until the callback has run (or timeoutMs passed) and returns the result.
// start receives the callback: [&](auto done) { KeyVault::unlock(dir, nullptr, done); }.
template <typename R, typename Start> std::optional<R> await(Start start, int timeoutMs = 60000)
{
    auto result = std::make_shared<std::optional<R>>();
    start([result](R r) { result->emplace(std::move(r)); });
    if (!QTest::qWaitFor([result] { return result->has_value(); }, timeoutMs))
        qWarning("The asynchronous call did not call back within %d ms", timeoutMs);
    return std::move(*result);
}

// The key's raw bytes and every text form of it we could plausibly have leaked.
inline QList<QByteArray> keyForms(const SecureBytes& key)
{
    const QByteArray raw(key.chars(), static_cast<qsizetype>(key.size()));
    return {raw, raw.toHex(), raw.toHex().toUpper(), raw.toBase64(), raw.toBase64(QByteArray::Base64UrlEncoding)};
}

// The first file below dir that contains the key in any form, or "" if none does.
inline QString fileLeakingKey(const QString& dir, const SecureBytes& key)
{
    const QList<QByteArray> forms = keyForms(key);
    for (const auto& [path, bytes] : snapshot(dir))
        for (const QByteArray& form : forms)
            if (bytes.contains(form))
                return path;
    return {};
}

} // namespace pd::test
