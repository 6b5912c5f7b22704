#pragma once

#include "core/Enums.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;

namespace pd {

// The notification toggles of C5 (and of the client itself, C4) as a group of check boxes,
// with a line saying why they cannot take effect when that is the case (no email or phone,
// relation expired).
class NotificationTogglesBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit NotificationTogglesBox(const QString& title, QWidget* parent = nullptr);

    NotifyToggles toggles() const;
    void setToggles(NotifyToggles toggles);
    // Empty hides the note.
    void setBlockReason(const QString& reason);
    QString blockReason() const;
    QCheckBox* checkBox(NotifyToggle toggle) const;

signals:
    void changed();

private:
    QList<QPair<NotifyToggle, QCheckBox*>> m_boxes;
    QLabel* m_reason = nullptr;
};

} // namespace pd
