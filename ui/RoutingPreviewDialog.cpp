#include "ui/RoutingPreviewDialog.h"

#include "models/RoutingModel.h"
#include "storage/Store.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {
QTableView* makeView(QWidget* parent, QAbstractItemModel* model, const QString& name, const QString& accessible)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessible);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}
} // namespace

RoutingPreviewDialog::RoutingPreviewDialog(Store& store, const QString& clientId, QWidget* parent)
    : QDialog(parent), m_today(store.clock().today())
{
    build();
    auto client = store.clients().get(clientId);
    auto people = store.relations().forClient(clientId);
    if (client && people)
        setClient(*client, *people);
    else
        m_summary->setText(client ? people.message() : client.message());
}

RoutingPreviewDialog::RoutingPreviewDialog(const Client& client, const QList<RelatedPerson>& people, const QDate& today,
                                           QWidget* parent)
    : QDialog(parent), m_today(today)
{
    build();
    setClient(client, people);
}

RoutingPreviewDialog::~RoutingPreviewDialog()
{
    m_deliveriesView->setModel(nullptr);
    m_skippedView->setModel(nullptr);
}

void RoutingPreviewDialog::build()
{
    m_deliveries = std::make_unique<RoutingModel>(RoutingModel::Kind::Deliveries);
    m_skipped = std::make_unique<RoutingModel>(RoutingModel::Kind::Skipped);
    setObjectName(QStringLiteral("routingPreview"));
    setWindowTitle(tr("Who gets messages — PracticeDesk"));
    resize(720, 480);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Who would receive this kind of message for this client, and why anyone else would "
                                "not. The practice server sends by the same rules."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_event = new QComboBox(this);
    m_event->setObjectName(QStringLiteral("routingEvent"));
    m_event->setAccessibleName(tr("Kind of message"));
    for (NotificationEvent e : allNotificationEvents())
        m_event->addItem(eventLabel(e), static_cast<int>(e));
    form->addRow(tr("&Message:"), m_event);
    layout->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("routingSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Will receive"), this));
    m_deliveriesView = makeView(this, m_deliveries.get(), QStringLiteral("routingDeliveries"), tr("Will receive"));
    layout->addWidget(m_deliveriesView, 1);
    layout->addWidget(new QLabel(tr("Will not receive"), this));
    m_skippedView = makeView(this, m_skipped.get(), QStringLiteral("routingSkipped"), tr("Will not receive"));
    layout->addWidget(m_skippedView, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_event, &QComboBox::currentIndexChanged, this, &RoutingPreviewDialog::update);
}

void RoutingPreviewDialog::setClient(const Client& client, const QList<RelatedPerson>& people)
{
    m_client = client;
    m_people = people;
    update();
}

void RoutingPreviewDialog::setEvent(NotificationEvent event)
{
    m_event->setCurrentIndex(m_event->findData(static_cast<int>(event)));
    update();
}

NotificationEvent RoutingPreviewDialog::event() const
{
    return static_cast<NotificationEvent>(m_event->currentData().toInt());
}

void RoutingPreviewDialog::update()
{
    m_routing = routeNotification(event(), m_client, m_people, m_today);
    const QString name = m_client.displayName().trimmed();
    m_deliveries->setRouting(m_routing, name);
    m_skipped->setRouting(m_routing, name);
    const auto n = m_routing.deliveries.size();
    m_summary->setText(n == 0   ? tr("Nobody would receive this message.")
                       : n == 1 ? tr("1 message would be sent.")
                                : tr("%1 messages would be sent (one per address and channel).").arg(n));
}

} // namespace pd
