#pragma once

#include "core/NotificationRouting.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QTableView;

namespace pd {

class RoutingModel;
class Store;

// Routing preview (issue 3): for a chosen event — reminder, confirmation, cancellation, form
// request, invoice, … — exactly who would receive it, at which address and by which
// channel, and why everyone else would not, from the same routing rule the server's
// dispatcher uses (core/NotificationRouting: N1, N5, C4, C5, C7). Works on unsaved edits too.
// Read-only: it changes nothing; Close or Esc dismisses it.
class RoutingPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    // The saved client and its people.
    RoutingPreviewDialog(Store& store, const QString& clientId, QWidget* parent = nullptr);
    // A client as it is being edited (not saved yet).
    RoutingPreviewDialog(const Client& client, const QList<RelatedPerson>& people, const QDate& today,
                         QWidget* parent = nullptr);
    ~RoutingPreviewDialog() override;

    void setClient(const Client& client, const QList<RelatedPerson>& people);
    void setEvent(NotificationEvent event);
    NotificationEvent event() const;
    const Routing& routing() const { return m_routing; }
    RoutingModel* deliveriesModel() const { return m_deliveries.get(); }
    RoutingModel* skippedModel() const { return m_skipped.get(); }
    QComboBox* eventField() const { return m_event; }
    QTableView* deliveriesView() const { return m_deliveriesView; }
    QTableView* skippedView() const { return m_skippedView; }

private:
    void build();
    void update();

    Client m_client;
    QList<RelatedPerson> m_people;
    QDate m_today;
    bool m_hasClient = false;
    Routing m_routing;
    std::unique_ptr<RoutingModel> m_deliveries;
    std::unique_ptr<RoutingModel> m_skipped;
    QComboBox* m_event = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_deliveriesView = nullptr;
    QTableView* m_skippedView = nullptr;
};

} // namespace pd
