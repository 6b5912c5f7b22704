#pragma once

#include <QHash>
#include <QString>

class QLabel;
class QWidget;

namespace pd {

// Validation messages shown beside the field they belong to (DESIGN.md §6): each field
// name used by core's Error::field maps to an error label placed under its widget. A message
// for a field without its own label goes to the fallback label.
class FieldErrors
{
public:
    // A red, word-wrapped, initially hidden label for placing under a field.
    static QLabel* makeLabel(QWidget* parent, const QString& objectName);

    void add(const QString& field, QWidget* widget, QLabel* label);
    void setFallback(QLabel* label) { m_fallback = label; }
    // Shows message beside field (or in the fallback) and moves the focus to the field.
    // Returns the label used.
    QLabel* show(const QString& field, const QString& message);
    void clear();
    bool isShowing() const;

private:
    struct Entry
    {
        QWidget* widget = nullptr;
        QLabel* label = nullptr;
    };
    QHash<QString, Entry> m_fields;
    QLabel* m_fallback = nullptr;
};

} // namespace pd
