#include "ui/RoutingPreviewDialog.h"

#include "models/RoutingModel.h"
#include "storage/Store.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
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
    view->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move inside it
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The last column (note or reason) takes the rest of the width and wraps long reasons.
    view->horizontalHeader()->setSectionResizeMode(model->columnCount() - 1, QHeaderView::Stretch);
    view->setWordWrap(true);
    return view;
}

QLabel* heading(QWidget* parent, const QString& text, QWidget* buddy)
{
    auto* label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setBuddy(buddy);
    return label;
}
} // namespace

RoutingPreviewDialog::RoutingPreviewDialog(Store& store, const QString& clientId, QWidget* parent)
    : QDialog(parent), m_today(store.clock().today())
{
    build();
    auto client = store.clients().get(clientId);
    auto people = store.relations().forClient(clientId);
    if (client && people) {
        setClient(*client, *people);
        return;
    }
    // Nothing to preview: say why instead of showing an empty client's routing.
    m_event->setEnabled(false);
    m_intro->setText(tr("The preview is not available."));
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
    resize(800, 580);
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("routingIntro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
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
    layout->addSpacing(6);
    m_deliveriesView = makeView(this, m_deliveries.get(), QStringLiteral("routingDeliveries"), tr("Will receive"));
    layout->addWidget(heading(this, tr("&Will receive"), m_deliveriesView));
    layout->addWidget(m_deliveriesView, 3);
    layout->addSpacing(6);
    m_skippedView = makeView(this, m_skipped.get(), QStringLiteral("routingSkipped"), tr("Will not receive"));
    layout->addWidget(heading(this, tr("Will &not receive"), m_skippedView));
    layout->addWidget(m_skippedView, 2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("routingClose"));
    close->setAccessibleName(tr("Close the preview"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_event, &QComboBox::currentIndexChanged, this, &RoutingPreviewDialog::update);
}

void RoutingPreviewDialog::setClient(const Client& client, const QList<RelatedPerson>& people)
{
    m_client = client;
    m_people = people;
    m_hasClient = true;
    m_event->setEnabled(true);
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
    if (!m_hasClient)
        return;
    m_routing = routeNotification(event(), m_client, m_people, m_today);
    const QString name = m_client.displayName().trimmed();
    m_intro->setText(name.isEmpty() ? tr("Who would receive this kind of message for this client, and why anyone else "
                                         "would not. The practice server sends by the same rules.")
                                    : tr("Who would receive this kind of message for %1, and why anyone else would "
                                         "not. The practice server sends by the same rules.")
                                          .arg(name));
    m_deliveries->setRouting(m_routing, name);
    m_skipped->setRouting(m_routing, name);
    m_deliveriesView->resizeRowsToContents();
    m_skippedView->resizeRowsToContents();
    const auto n = m_routing.deliveries.size();
    m_summary->setText(n == 0   ? tr("Nobody would receive this message.")
                       : n == 1 ? tr("1 message would be sent.")
                                : tr("%1 messages would be sent (one per address and channel).").arg(n));
}

} // namespace pd
