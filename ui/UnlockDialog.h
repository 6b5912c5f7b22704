#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

class SecureBytes;

// Asks for the database passphrase (when the OS keychain cannot open the database), and
// shows why the last attempt failed next to the field.
class UnlockDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UnlockDialog(const QString& folder, QWidget* parent = nullptr);

    void setError(const QString& message);
    // The passphrase typed, moved into locked memory; the field is cleared.
    SecureBytes takePassphrase();
    QLineEdit* passphraseField() const { return m_passphrase; }
    // While the passphrase is being checked (Argon2id takes a moment) the dialog stays up,
    // disabled, and says so.
    void setChecking(bool checking);

signals:
    // The user asked to unlock (Enter or the Unlock button); the dialog stays open until
    // the caller closes it or shows an error.
    void unlockRequested();

private:
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_unlockButton = nullptr;
};

} // namespace pd
