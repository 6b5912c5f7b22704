#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QStringList>

namespace pd::test {

// D6: the controls of window a screen reader would announce without a name (object name and
// class of each). A button's own text counts as its name; the parts of a composite control
// (a table's headers, a spin box's line edit) are announced with that control.
inline QStringList controlsWithoutAccessibleName(QWidget* window)
{
    auto isComposite = [](const QWidget* w) {
        return qobject_cast<const QAbstractItemView*>(w) || qobject_cast<const QAbstractSpinBox*>(w) ||
               qobject_cast<const QComboBox*>(w);
    };
    QStringList out;
    for (QWidget* w : window->findChildren<QWidget*>()) {
        bool part = false;
        for (QWidget* p = w->parentWidget(); p && p != window; p = p->parentWidget())
            part |= isComposite(p);
        const bool control = qobject_cast<QAbstractButton*>(w) || isComposite(w) || qobject_cast<QLineEdit*>(w);
        if (!control || part || w->isWindow() || w->window() != window)
            continue;
        QString name = w->accessibleName();
        if (auto* button = qobject_cast<QAbstractButton*>(w); button && name.isEmpty())
            name = button->text().remove(QLatin1Char('&'));
        if (name.trimmed().isEmpty())
            out << w->objectName() + QLatin1Char(':') + QString::fromLatin1(w->metaObject()->className());
    }
    return out;
}

} // namespace pd::test
