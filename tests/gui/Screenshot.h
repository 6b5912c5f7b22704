#pragma once

#include <QDir>
#include <QWidget>

namespace pd::test {

// Saves what a person would see of widget as NAME.png in $PD_SCREENSHOT_DIR, when that is
// set (for looking at every screen and for docs/screenshots); does nothing otherwise.
inline void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("PD_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace pd::test
