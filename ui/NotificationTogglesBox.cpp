#include "ui/NotificationTogglesBox.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace pd {

NotificationTogglesBox::NotificationTogglesBox(const QString& title, QWidget* parent) : QGroupBox(title, parent)
{
    auto* layout = new QVBoxLayout(this);
    const QList<QPair<NotifyToggle, QString>> items = {
        {NotifyToggle::Reminders, tr("Appointment &reminders")},
        {NotifyToggle::Confirmations, tr("&Confirmations, cancellations and missed-appointment notices")},
        {NotifyToggle::ScheduledMessages, tr("&Scheduled emails and text messages")},
        {NotifyToggle::TelehealthLinks, tr("&Telehealth links")},
    };
    for (const auto& [toggle, text] : items) {
        auto* box = new QCheckBox(text, this);
        box->setObjectName(QStringLiteral("toggle%1").arg(static_cast<int>(toggle)));
        box->setAccessibleName(QString(text).remove(QLatin1Char('&')));
        connect(box, &QCheckBox::toggled, this, &NotificationTogglesBox::changed);
        layout->addWidget(box);
        m_boxes.append({toggle, box});
    }
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("notificationBlockReason"));
    m_reason->setWordWrap(true);
    m_reason->setStyleSheet(QStringLiteral("color: #8a5300"));
    m_reason->hide();
    layout->addWidget(m_reason);
}

NotifyToggles NotificationTogglesBox::toggles() const
{
    NotifyToggles out;
    for (const auto& [toggle, box] : m_boxes)
        out.setFlag(toggle, box->isChecked());
    return out;
}

void NotificationTogglesBox::setToggles(NotifyToggles toggles)
{
    for (const auto& [toggle, box] : m_boxes)
        box->setChecked(toggles.testFlag(toggle));
}

void NotificationTogglesBox::setBlockReason(const QString& reason)
{
    m_reason->setText(reason.isEmpty() ? QString() : tr("These cannot take effect: %1").arg(reason));
    m_reason->setVisible(!reason.isEmpty());
}

QString NotificationTogglesBox::blockReason() const
{
    return m_reason->isHidden() ? QString() : m_reason->text();
}

QCheckBox* NotificationTogglesBox::checkBox(NotifyToggle toggle) const
{
    for (const auto& [t, box] : m_boxes)
        if (t == toggle)
            return box;
    return nullptr;
}

} // namespace pd
