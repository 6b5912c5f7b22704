#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace pd {

// An error a person can read: what went wrong and, where possible, what to do about it.
struct Error
{
    enum class Kind {
        Invalid,     // bad input: the message says which field and why
        NotFound,    // the thing asked for does not exist
        WrongKey,    // passphrase or key does not open the database
        Corrupt,     // a file is damaged; nothing was changed
        TooNew,      // made by a newer program
        Unavailable, // a service (keychain, disk, server) could not be used
        Io,          // reading or writing failed (disk full, read-only)
        Conflict,    // the change clashes with another one
        Internal,
    };
    Kind kind = Kind::Internal;
    QString message;
    QString field; // the field the message belongs beside, if any

    static Error invalid(QString message, QString field = {})
    {
        return {Kind::Invalid, std::move(message), std::move(field)};
    }
    static Error make(Kind kind, QString message) { return {kind, std::move(message), {}}; }
};

// Errors are values (STYLE.md): Result<T> holds either a T or an Error.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_data); }
    T& value() & { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<Error>(m_data); }
    QString message() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, Error> m_data;
};

// For operations that produce nothing but can fail.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }
    QString message() const { return m_error ? m_error->message : QString(); }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace pd
