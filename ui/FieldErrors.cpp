#include "ui/FieldErrors.h"

#include <QLabel>

namespace pd {

QLabel* FieldErrors::makeLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setStyleSheet(QStringLiteral("color: #b00020"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void FieldErrors::add(const QString& field, QWidget* widget, QLabel* label)
{
    m_fields.insert(field, Entry{widget, label});
}

QLabel* FieldErrors::show(const QString& field, const QString& message)
{
    clear();
    const auto it = m_fields.constFind(field);
    QLabel* label = it != m_fields.cend() ? it->label : m_fallback;
    if (!label)
        return nullptr;
    label->setText(message);
    label->show();
    if (it != m_fields.cend() && it->widget && it->widget->isEnabled()) {
        it->widget->setFocus(Qt::OtherFocusReason);
        // Screen readers announce the field together with its problem.
        it->widget->setAccessibleDescription(message);
    }
    return label;
}

void FieldErrors::clear()
{
    for (const Entry& e : std::as_const(m_fields)) {
        e.label->clear();
        e.label->hide();
        if (e.widget)
            e.widget->setAccessibleDescription({});
    }
    if (m_fallback) {
        m_fallback->clear();
        m_fallback->hide();
    }
}

bool FieldErrors::isShowing() const
{
    for (const Entry& e : m_fields)
        if (!e.label->isHidden())
            return true;
    return m_fallback && !m_fallback->isHidden();
}

} // namespace pd
