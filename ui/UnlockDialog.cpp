#include "ui/UnlockDialog.h"

#include "storage/vault/SecureBytes.h"

#include <QDialogButtonBox>
#include <QLayout>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

UnlockDialog::UnlockDialog(const QString& folder, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Unlock PracticeDesk"));
    setObjectName(QStringLiteral("unlockDialog"));
    setMinimumWidth(440);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Enter the passphrase that protects the client data in %1.").arg(QDir::toNativeSeparators(folder)), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    layout->addWidget(m_passphrase);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_unlockButton = buttons->button(QDialogButtonBox::Ok);
    m_unlockButton->setText(tr("Unlock"));
    m_unlockButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::unlockRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_passphrase->setFocus();
}

void UnlockDialog::setChecking(bool checking)
{
    m_passphrase->setEnabled(!checking);
    m_unlockButton->setEnabled(!checking);
    m_unlockButton->setText(checking ? tr("Checking…") : tr("Unlock"));
    if (!checking)
        m_passphrase->setFocus();
}

void UnlockDialog::setError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    // Taller when the reason takes several lines (a damaged or busy database), so that
    // none of them is cut off at the dialog's width.
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
    m_passphrase->selectAll();
}

SecureBytes UnlockDialog::takePassphrase()
{
    QString text = m_passphrase->text();
    SecureBytes out = SecureBytes::fromText(text);
    SecureBytes::wipe(text);
    m_passphrase->clear();
    return out;
}

} // namespace pd
