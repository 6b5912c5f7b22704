#include "ui/SignInDialog.h"

#include "sync/Transport.h"
#include "ui/FieldErrors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

SignInDialog::SignInDialog(const QString& server, const QString& username, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to the practice server"));
    setMinimumWidth(460);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Changes made on this desk are sent to the practice server, and everyone else's are "
                                "received, whenever the server can be reached."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_server = new QLineEdit(server, this);
    m_server->setObjectName(QStringLiteral("serverUrl"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(tr("https://practice.example.org"));
    m_user = new QLineEdit(username, this);
    m_user->setObjectName(QStringLiteral("username"));
    m_user->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_serverError = FieldErrors::makeLabel(this, QStringLiteral("serverUrlError"));
    form->addRow(tr("&Server:"), m_server);
    form->addRow(QString(), m_serverError);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_error = FieldErrors::makeLabel(this, QStringLiteral("signInError"));
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    (server.isEmpty() ? m_server : username.isEmpty() ? m_user : m_password)->setFocus();
}

void SignInDialog::submit()
{
    m_serverError->hide();
    m_error->hide();
    QUrl url;
    if (const QString problem = checkServerUrl(m_server->text(), &url); !problem.isEmpty()) {
        m_serverError->setText(problem);
        m_serverError->show();
        m_server->setFocus();
        return;
    }
    if (m_user->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        setError(tr("Enter your user name and password."));
        return;
    }
    emit signInRequested(url, m_user->text().trimmed());
}

void SignInDialog::setBusy(bool busy)
{
    for (QWidget* w : {static_cast<QWidget*>(m_server), static_cast<QWidget*>(m_user),
                       static_cast<QWidget*>(m_password), static_cast<QWidget*>(m_ok)})
        w->setEnabled(!busy);
    m_ok->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

void SignInDialog::setError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_password->selectAll();
    m_password->setFocus();
}

QString SignInDialog::takePassword()
{
    QString p = m_password->text();
    m_password->clear();
    return p;
}

} // namespace pd
