#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

// Signs this desk in to the practice server (issue 4): server address (https://, or http://
// only to this computer — checked beside the field), user name and password. Emits
// signInRequested and stays open, busy, until the caller says how it went.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(const QString& server, const QString& username, QWidget* parent = nullptr);

    QLineEdit* serverField() const { return m_server; }
    QLineEdit* userField() const { return m_user; }
    QLineEdit* passwordField() const { return m_password; }
    QLabel* errorLabel() const { return m_error; }

    void setBusy(bool busy);
    void setError(const QString& message);
    // The password, removed from the field.
    QString takePassword();

signals:
    void signInRequested(const QUrl& server, const QString& username);

private:
    void submit();

    QLineEdit* m_server = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_serverError = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace pd
