#pragma once

#include <QDialog>
#include <QJsonValue>

#include <memory>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableView;
class QVBoxLayout;

namespace pd {

class ConflictsModel;
class Store;

// The Conflicts view (D3, issue 4): edits two desks made to the same thing, never lost.
// For each conflicting field a person keeps the other desk's value, this desk's value, or
// types a merged one; for a delete-versus-edit, keeps the record or its deletion. Resolve
// writes the choice as a change that syncs (storage/sync/SyncStore::resolve).
class ConflictsDialog : public QDialog
{
    Q_OBJECT
public:
    ConflictsDialog(Store& store, QWidget* parent = nullptr);
    ~ConflictsDialog() override;

    ConflictsModel* model() const { return m_model.get(); }
    QTableView* table() const { return m_table; }
    // For the selected conflict: choose per field (0 = server, 1 = this desk, 2 = typed).
    void choose(const QString& field, int choice, const QString& typed = {});
    void chooseDeleted(bool keepDeleted);
    bool resolveSelected();
    QLabel* errorLabel() const { return m_error; }

signals:
    void resolved();

private:
    void showSelected();

    Store& m_store;
    std::unique_ptr<ConflictsModel> m_model;
    QTableView* m_table = nullptr;
    QWidget* m_details = nullptr;
    QVBoxLayout* m_detailsLayout = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_resolve = nullptr;
    struct FieldChoice
    {
        QString field;
        QButtonGroup* group = nullptr;
        QLineEdit* typed = nullptr;
        QJsonValue server;
        QJsonValue desk;
    };
    QList<FieldChoice> m_choices;
    QButtonGroup* m_deleteChoice = nullptr;
};

} // namespace pd
