<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="33"/>
        <source>Drawer opened without a sale</source>
        <translation>Drawer opened without a sale</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="34"/>
        <source>Price changed</source>
        <translation>Price changed</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="35"/>
        <source>Line voided</source>
        <translation>Line voided</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="36"/>
        <source>Ticket cancelled</source>
        <translation>Ticket cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="37"/>
        <source>Refund above the limit</source>
        <translation>Refund above the limit</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="38"/>
        <source>Return without a receipt</source>
        <translation>Return without a receipt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="39"/>
        <source>Diagnostics opened</source>
        <translation>Diagnostics opened</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="40"/>
        <source>Authorisation refused</source>
        <translation>Authorisation refused</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="41"/>
        <source>Authorisation locked after failed tries</source>
        <translation>Authorisation locked after failed tries</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="42"/>
        <source>PIN reset</source>
        <translation>PIN reset</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="43"/>
        <source>PIN changed</source>
        <translation>PIN changed</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="44"/>
        <source>Operator locked</source>
        <translation>Operator locked</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="45"/>
        <source>Operator unlocked</source>
        <translation>Operator unlocked</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="46"/>
        <source>Day closed (Z)</source>
        <translation>Day closed (Z)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="47"/>
        <source>Cash deposited</source>
        <translation>Cash deposited</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="48"/>
        <source>Settings changed</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="49"/>
        <source>Stored value topped up</source>
        <translation>Stored value topped up</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="70"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="70"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="70"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="70"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="71"/>
        <source>Authorised by</source>
        <translation>Authorised by</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="71"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="71"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="71"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="81"/>
        <source>Verify the chain (F9)</source>
        <translation>Verify the chain (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="83"/>
        <source>Export CSV (Ctrl+E)</source>
        <translation>Export CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="100"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="102"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="105"/>
        <source>Every action</source>
        <translation>Every action</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="110"/>
        <source>Operator code</source>
        <translation>Operator code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="114"/>
        <source>Show (F5)</source>
        <translation>Show (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="144"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="154"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="171"/>
        <source>Nothing recorded for this choice.</source>
        <translation>Nothing recorded for this choice.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="176"/>
        <source>The chain is intact: %1 entries.</source>
        <translation>The chain is intact: %1 entries.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="179"/>
        <source>The chain is broken at entry %1: it was changed after it was written.</source>
        <translation>The chain is broken at entry %1: it was changed after it was written.</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="93"/>
        <source>Overview</source>
        <extracomment>the touch-friendly height of a row in the module list (px) prints ESC/POS bytes on the till&apos;s receipt printer (queued; called on the worker thread) the till&apos;s label printer, when it has one (``devices.json``) opens the diagnostics window of the till&apos;s devices goes to the till and starts its return flow (退货) for a sale switches the app&apos;s language (设置 → 语言) and rebuilds the back office in it the least senior role that sees the module</extracomment>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="94"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="95"/>
        <source>Shifts and day close</source>
        <translation>Shifts, Z</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="96"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="97"/>
        <source>Shelf labels</source>
        <translation>Shelf labels</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="98"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="99"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="100"/>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="101"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="103"/>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="154"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="161"/>
        <source>Till (F12)</source>
        <translation>Till (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="166"/>
        <source>Log out (F10)</source>
        <translation>Log out (F10)</translation>
    </message>
</context>
<context>
    <name>BoardShell</name>
    <message>
        <location filename="../../ui/board.py" line="637"/>
        <source>Online orders</source>
        <translation>Online orders</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../ui/board.py" line="292"/>
        <source>Online orders</source>
        <translation>Online orders</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="343"/>
        <location filename="../../ui/board.py" line="482"/>
        <source>Choose an order</source>
        <translation>Choose an order</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="351"/>
        <source>Goods</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="351"/>
        <source>Ordered</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="351"/>
        <location filename="../../ui/board.py" line="375"/>
        <location filename="../../ui/board.py" line="509"/>
        <source>Picked</source>
        <translation>Picked</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="351"/>
        <source>Shelf</source>
        <translation>Shelf</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="352"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="363"/>
        <source>Scan the goods</source>
        <translation>Scan the goods</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="366"/>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="373"/>
        <location filename="../../ui/board.py" line="509"/>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="374"/>
        <source>Substitute</source>
        <translation>Substitute</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="381"/>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="385"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="386"/>
        <source>Start picking</source>
        <translation>Start picking</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="387"/>
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="388"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="389"/>
        <source>Rider arrived</source>
        <translation>Rider arrived</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="390"/>
        <source>Hand over</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="391"/>
        <source>Goods put back</source>
        <translation>Goods put back</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="392"/>
        <source>Print pick list</source>
        <translation>Print pick list</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="393"/>
        <source>Print bag label</source>
        <translation>Print bag label</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="445"/>
        <source>CANCELLED WHILE PICKING — stop and put the goods back: %1</source>
        <translation>CANCELLED WHILE PICKING — stop and put the goods back: %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="488"/>
        <source>Pickup</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="488"/>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="493"/>
        <source>Rider: %1</source>
        <translation>Rider: %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="509"/>
        <source>To pick</source>
        <translation>To pick</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="510"/>
        <source>Substituted</source>
        <translation>Substituted</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="533"/>
        <source>Choose an order first</source>
        <translation>Choose an order first</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="560"/>
        <source>Enter a weight greater than zero, e.g. 0.512</source>
        <translation>Enter a weight greater than zero, e.g. 0.512</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="569"/>
        <source>Choose a line of the pick list first</source>
        <translation>Choose a line of the pick list first</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="584"/>
        <source>Type or scan the substitute&apos;s code first</source>
        <translation>Type or scan the substitute&apos;s code first</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="607"/>
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="612"/>
        <source>WRONG ITEM: %1</source>
        <translation>WRONG ITEM: %1</translation>
    </message>
</context>
<context>
    <name>CashTenderDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="313"/>
        <source>Cash payment</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="313"/>
        <source>Pay (Enter)</source>
        <translation>Pay (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="317"/>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="325"/>
        <source>Already paid: %1</source>
        <translation>Already paid: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="327"/>
        <source>Cash received (￥)</source>
        <translation>Cash received (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="339"/>
        <source>Exact</source>
        <translation>Exact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="364"/>
        <source>Enter the cash received, such as 100 or 52.50.</source>
        <translation>Enter the cash received, such as 100 or 52.50.</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../ui/screens.py" line="188"/>
        <source>Change my PIN</source>
        <translation>Change my PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="188"/>
        <source>Change (Enter)</source>
        <translation>Change (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="201"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="202"/>
        <source>Current PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="203"/>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="204"/>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="206"/>
        <source>4 to 8 digits, not all the same and not a run like 1234.</source>
        <translation>4 to 8 digits, not all the same and not a run like 1234.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="219"/>
        <source>The two new PINs differ.</source>
        <translation>The two new PINs differ.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="224"/>
        <source>4 to 8 digits, not all the same, not a run like 1234, and not the PIN you have.</source>
        <translation>4 to 8 digits, not all the same, not a run like 1234, and not the PIN you have.</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/checkout.py" line="301"/>
        <source>Scan / code</source>
        <extracomment>The server says no shift is open on this till. Emitted with the receipt bytes after they went to the printer sink (for tests and logs). A sale was completed: (sale_id, change). F10: the cashier leaves the till. F11: 交班. Ctrl+S: the HQ sync page. the member on this ticket, as HQ showed them (coupons, cards); None for a walk-in</extracomment>
        <translation>Scan / code</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="305"/>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>Scan a barcode or type a code, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="347"/>
        <source>…
More</source>
        <translation>…
More</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="401"/>
        <source>Resumed the open ticket of this till.</source>
        <translation>Resumed the open ticket of this till.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="446"/>
        <source>Unexpected error: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="540"/>
        <source>Weighing…</source>
        <translation>Weighing…</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="550"/>
        <source>No steady weight on the scale: put the goods on it, or enter the weight.</source>
        <translation>No steady weight on the scale: put the goods on it, or enter the weight.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="583"/>
        <source>Finish this dialog first, then scan again.</source>
        <translation>Finish this dialog first, then scan again.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="611"/>
        <source>There is no line to change.</source>
        <translation>There is no line to change.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="613"/>
        <source>This line is already voided.</source>
        <translation>This line is already voided.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="642"/>
        <source>Voided: %1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="669"/>
        <source>Drawer opened (no sale).</source>
        <translation>Drawer opened (no sale).</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="673"/>
        <source>There is nothing to park.</source>
        <translation>There is nothing to park.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="686"/>
        <source>Ticket parked. Press F6 to resume it.</source>
        <translation>Ticket parked. Press F6 to resume it.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="695"/>
        <source>There is nothing to cancel.</source>
        <translation>There is nothing to cancel.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="714"/>
        <source>Cancel the whole ticket: %1 items, %2?</source>
        <translation>Cancel the whole ticket: %1 items, %2?</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="717"/>
        <source>%1 is paid already: it goes back to the customer.</source>
        <translation>%1 is paid already: it goes back to the customer.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="719"/>
        <source>Cancel ticket</source>
        <translation>Cancel ticket</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="719"/>
        <source>Cancel the ticket (Enter)</source>
        <translation>Cancel the ticket (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="726"/>
        <source>The ticket is cancelled.</source>
        <translation>The ticket is cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="728"/>
        <source>Give back %1 in cash.</source>
        <translation>Give back %1 in cash.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="733"/>
        <source>Park or finish the current ticket first.</source>
        <translation>Park or finish the current ticket first.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="751"/>
        <source>Ticket resumed.</source>
        <translation>Ticket resumed.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="765"/>
        <source>The ticket is empty: scan something first.</source>
        <translation>The ticket is empty: scan something first.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="817"/>
        <source>Sale %1 complete: change %2.</source>
        <translation>Sale %1 complete: change %2.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="827"/>
        <source>The receipt was not printed: %1</source>
        <translation>The receipt was not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="849"/>
        <source>No sale to reprint yet.</source>
        <translation>No sale to reprint yet.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="853"/>
        <source>Receipt %1 reprinted.</source>
        <translation>Receipt %1 reprinted.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="879"/>
        <source>Topped up %1 (bonus %2): take the cash.</source>
        <translation>Topped up %1 (bonus %2): take the cash.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="880"/>
        <source>Topped up %1 (bonus %2), paid by payment code.</source>
        <translation>Topped up %1 (bonus %2), paid by payment code.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="889"/>
        <source>Scan the goods first, then the coupon.</source>
        <translation>Scan the goods first, then the coupon.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="898"/>
        <location filename="../../ui/checkout.py" line="921"/>
        <location filename="../../ui/checkout.py" line="953"/>
        <source>There is nothing to pay yet.</source>
        <translation>There is nothing to pay yet.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="913"/>
        <source>Stored value taken; %1 still due.</source>
        <translation>Stored value taken; %1 still due.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="924"/>
        <source>Nothing is due on this ticket.</source>
        <translation>Nothing is due on this ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="930"/>
        <source>Confirm the payment on your phone</source>
        <translation>Confirm the payment on your phone</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="941"/>
        <source>Paid by payment code; %1 still due.</source>
        <translation>Paid by payment code; %1 still due.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="999"/>
        <source>Return %1: refund %2 in cash</source>
        <translation>Return %1: refund %2 in cash</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="1002"/>
        <source>, %1 back to the card</source>
        <translation>, %1 back to the card</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="1004"/>
        <source>, %1 back as points</source>
        <translation>, %1 back as points</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="956"/>
        <source>Attach the member first (Ctrl+M).</source>
        <translation>Attach the member first (Ctrl+M).</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="1015"/>
        <source>Refund %1 paid in cash: %2</source>
        <translation>Refund %1 paid in cash: %2</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="1027"/>
        <source>The return slip was not printed: %1</source>
        <translation>The return slip was not printed: %1</translation>
    </message>
</context>
<context>
    <name>ClosePage</name>
    <message>
        <location filename="../../ui/backoffice/close.py" line="96"/>
        <location filename="../../ui/backoffice/close.py" line="143"/>
        <source>Business day</source>
        <translation>Business day</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="102"/>
        <source>X report (F5)</source>
        <translation>X report (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="104"/>
        <source>Close the day (Z)…</source>
        <translation>Close the day (Z)…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="108"/>
        <source>Print (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="110"/>
        <source>Export XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="112"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="114"/>
        <source>Deposit…</source>
        <translation>Deposit…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="132"/>
        <source>Pick a day and show its X report, or a Z below</source>
        <translation>Pick a day and show its X report, or a Z below</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="139"/>
        <source>Tender</source>
        <translation>Tender</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="139"/>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="139"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="139"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="140"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="140"/>
        <location filename="../../ui/backoffice/close.py" line="141"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="140"/>
        <location filename="../../ui/backoffice/close.py" line="142"/>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="140"/>
        <location filename="../../ui/backoffice/close.py" line="142"/>
        <source>Over/short</source>
        <translation>Over/short</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="141"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="141"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="141"/>
        <source>Float</source>
        <translation>Float</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="143"/>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="143"/>
        <source>Net sales</source>
        <translation>Net sales</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="143"/>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="144"/>
        <source>Deposited</source>
        <translation>Deposited</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="154"/>
        <source>Days closed (last 60 days)</source>
        <translation>Days closed (last 60 days)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="212"/>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="213"/>
        <source>Close business day %1? Every shift of it must be closed; a day closes once.</source>
        <translation>Close business day %1? Every shift of it must be closed; a day closes once.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="226"/>
        <source>Day %1 closed: Z%2</source>
        <translation>Day %1 closed: Z%2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="235"/>
        <source>Open the day&apos;s Z first: a deposit is made against a Z.</source>
        <translation>Open the day&apos;s Z first: a deposit is made against a Z.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="256"/>
        <source>Deposit of %1 recorded, taken by %2</source>
        <translation>Deposit of %1 recorded, taken by %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="272"/>
        <source>This till has no receipt printer.</source>
        <translation>This till has no receipt printer.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="281"/>
        <source>Sent to the printer: %1</source>
        <translation>Sent to the printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="293"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="303"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="321"/>
        <source>Z%1 · day %2 closed</source>
        <translation>Z%1 · day %2 closed</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="324"/>
        <source>X report · day %1 so far (nothing closed)</source>
        <translation>X report · day %1 so far (nothing closed)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="327"/>
        <source>Sales %1 (%2)</source>
        <translation>Sales %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="328"/>
        <source>returns %1 (%2)</source>
        <translation>returns %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="330"/>
        <source>net %1</source>
        <translation>net %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="331"/>
        <source>voids %1 tickets, %2 lines</source>
        <translation>voids %1 tickets, %2 lines</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="333"/>
        <source>no-sales %1</source>
        <translation>no-sales %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="334"/>
        <source>discounts %1</source>
        <translation>discounts %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="337"/>
        <source>%1 shifts still open</source>
        <translation>%1 shifts still open</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="339"/>
        <source>deposited %1</source>
        <translation>deposited %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="362"/>
        <source>over %1</source>
        <translation>over %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="364"/>
        <source>short %1</source>
        <translation>short %1</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/models.py" line="88"/>
        <source>#</source>
        <extracomment>The promotion note under a line&apos;s name (第2件5折): the line delegate paints it. the column that takes the room left (the goods&apos; names); the others fit their contents</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="88"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="89"/>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="89"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="90"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="90"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="91"/>
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="91"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="92"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="92"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="93"/>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="93"/>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="94"/>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="94"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="379"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
</context>
<context>
    <name>ConflictNoteDialog</name>
    <message>
        <location filename="../../ui/sync.py" line="118"/>
        <source>Mark as handled</source>
        <translation>Mark as handled</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="129"/>
        <source>What was done, e.g. the customer paid the difference in cash</source>
        <translation>What was done, e.g. the customer paid the difference in cash</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="130"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="139"/>
        <source>Write what was done.</source>
        <translation>Write what was done.</translation>
    </message>
</context>
<context>
    <name>CouponDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="195"/>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="195"/>
        <source>Use coupon (Enter)</source>
        <translation>Use coupon (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="199"/>
        <source>Coupon code</source>
        <translation>Coupon code</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="218"/>
        <source>Scan or type the coupon code.</source>
        <translation>Scan or type the coupon code.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../ui/customer_display.py" line="40"/>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="54"/>
        <location filename="../../ui/diagnostics.py" line="637"/>
        <source>Welcome</source>
        <extracomment>the screen the shots are taken for: the smallest a till has</extracomment>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="56"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="56"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="56"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="66"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="103"/>
        <source>Paid %1   Change %2</source>
        <translation>Paid %1   Change %2</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="109"/>
        <source>Scan to pay</source>
        <translation>Scan to pay</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="219"/>
        <source>Sales</source>
        <extracomment>how long one question about new sales is held open by the store server (seconds) the text shown for the bar under the pointer (&quot;&quot; when none)</extracomment>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="220"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="221"/>
        <source>Average ticket</source>
        <translation>Average ticket</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="222"/>
        <source>Items per ticket</source>
        <translation>Items per ticket</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="223"/>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="224"/>
        <source>Voids</source>
        <translation>Voids</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="225"/>
        <source>Discounts and coupons</source>
        <translation>Discounts and coupons</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="226"/>
        <source>Gross margin</source>
        <translation>Gross margin</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="241"/>
        <source>Payment mix</source>
        <translation>Payment mix</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="250"/>
        <source>Top 10 goods</source>
        <translation>Top 10 goods</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="250"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="250"/>
        <location filename="../../ui/backoffice/overview.py" line="251"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="251"/>
        <source>Top categories</source>
        <translation>Top categories</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="251"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="272"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="274"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="277"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="277"/>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="278"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="278"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="279"/>
        <source>Last 365 days</source>
        <translation>Last 365 days</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="284"/>
        <source>Show (F5)</source>
        <translation>Show (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="313"/>
        <source>The range ends before it begins: pick the days again.</source>
        <translation>The range ends before it begins: pick the days again.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="331"/>
        <source>Rounding %1</source>
        <translation>Rounding %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="332"/>
        <source>%1 items</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="335"/>
        <source>%1 returns</source>
        <translation>%1 returns</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="337"/>
        <source>%1 tickets %2 · %3 lines %4</source>
        <translation>%1 tickets %2 · %3 lines %4</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="341"/>
        <source>Promotions %1 · coupons %2</source>
        <translation>Promotions %1 · coupons %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="345"/>
        <source>%1% on %2 with a cost price</source>
        <translation>%1% on %2 with a cost price</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="348"/>
        <source>No goods with a cost price</source>
        <translation>No goods with a cost price</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="356"/>
        <source>Sales by hour — bars: %1, line: %2 (same weekday last week)</source>
        <translation>Sales by hour — bars: %1, line: %2 (same weekday last week)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="360"/>
        <source>Sales by day — bars: this range, line: the same weekdays from %1</source>
        <translation>Sales by day — bars: this range, line: the same weekdays from %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="365"/>
        <source>%1:00</source>
        <translation>%1:00</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="366"/>
        <source>%1
%2 · %3 tickets
earlier %4 · %5 tickets</source>
        <translation>%1
%2 · %3 tickets
earlier %4 · %5 tickets</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="389"/>
        <source>(no category)</source>
        <translation>(no category)</translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message>
        <location filename="../../ui/backoffice/close.py" line="46"/>
        <source>Cash deposit for Z%1</source>
        <translation>Cash deposit for Z%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="47"/>
        <source>Record (Enter)</source>
        <translation>Record (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="53"/>
        <source>Amount (￥)</source>
        <translation>Amount (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="55"/>
        <source>Who took the money, e.g. the bank&apos;s courier</source>
        <translation>Who took the money, e.g. the bank&apos;s courier</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="56"/>
        <source>Taken by</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="58"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="60"/>
        <source>Counted cash not yet deposited: %1</source>
        <translation>Counted cash not yet deposited: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="69"/>
        <source>Not an amount: %1</source>
        <translation>Not an amount: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="72"/>
        <source>A deposit is more than ￥0.00.</source>
        <translation>A deposit is more than ￥0.00.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="75"/>
        <source>At most %1 is left to deposit.</source>
        <translation>At most %1 is left to deposit.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="78"/>
        <source>Say who took the money.</source>
        <translation>Say who took the money.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsWindow</name>
    <message>
        <location filename="../../ui/diagnostics.py" line="148"/>
        <source>Hardware diagnostics</source>
        <translation>Hardware diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="164"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="166"/>
        <location filename="../../ui/diagnostics.py" line="267"/>
        <source>Export support bundle</source>
        <translation>Export support bundle</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="170"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="59"/>
        <location filename="../../ui/diagnostics.py" line="179"/>
        <source>Receipt printer</source>
        <extracomment>as big as the window likes to be; a 1024×768 till gets less (``fit_to``)</extracomment>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="62"/>
        <location filename="../../ui/diagnostics.py" line="180"/>
        <source>Cash drawer</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="60"/>
        <location filename="../../ui/diagnostics.py" line="181"/>
        <source>Label printer</source>
        <translation>Label printer</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="61"/>
        <location filename="../../ui/diagnostics.py" line="182"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="65"/>
        <location filename="../../ui/diagnostics.py" line="183"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="63"/>
        <location filename="../../ui/diagnostics.py" line="184"/>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="64"/>
        <location filename="../../ui/diagnostics.py" line="185"/>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="66"/>
        <source>Unknown device</source>
        <translation>Unknown device</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="208"/>
        <source>Looking for devices…</source>
        <translation>Looking for devices…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="214"/>
        <source>Detection failed: %1</source>
        <translation>Detection failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="219"/>
        <location filename="../../ui/diagnostics.py" line="244"/>
        <source>configured</source>
        <translation>configured</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="219"/>
        <location filename="../../ui/diagnostics.py" line="244"/>
        <location filename="../../ui/diagnostics.py" line="246"/>
        <source>detected</source>
        <translation>detected</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="225"/>
        <source>%1 device(s)</source>
        <translation>%1 device(s)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="233"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="236"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="236"/>
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="236"/>
        <source>Status unknown</source>
        <translation>Status unknown</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="237"/>
        <source>No status</source>
        <translation>No status</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="248"/>
        <source>Driver: %1</source>
        <translation>Driver: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="280"/>
        <source>Could not write the bundle: %1</source>
        <translation>Could not write the bundle: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="282"/>
        <source>Support bundle saved: %1</source>
        <translation>Support bundle saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="293"/>
        <source>Print test page (Chinese, ￥, barcode, QR)</source>
        <translation>Print test page (Chinese, ￥, barcode, QR)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="295"/>
        <source>Print code page sample</source>
        <translation>Print code page sample</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="297"/>
        <source>Read status</source>
        <translation>Read status</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="300"/>
        <location filename="../../ui/diagnostics.py" line="372"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="301"/>
        <source>Paper / encoding</source>
        <translation>Paper / encoding</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="306"/>
        <source>If Chinese prints as garbage, print the code page sample and choose the profile whose line reads correctly.</source>
        <translation>If Chinese prints as garbage, print the code page sample and choose the profile whose line reads correctly.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="313"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="333"/>
        <location filename="../../ui/diagnostics.py" line="395"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="340"/>
        <source>Open drawer and read the sensor</source>
        <translation>Open drawer and read the sensor</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="343"/>
        <source>Printer the drawer is plugged into</source>
        <translation>Printer the drawer is plugged into</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="368"/>
        <source>Shelf label</source>
        <translation>Shelf label</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="369"/>
        <source>Weighed goods</source>
        <translation>Weighed goods</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="370"/>
        <source>O2O bag</source>
        <translation>O2O bag</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="373"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="374"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="377"/>
        <source>Print label</source>
        <translation>Print label</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="403"/>
        <source>Click here and scan a code</source>
        <translation>Click here and scan a code</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="408"/>
        <source>Test field</source>
        <translation>Test field</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="409"/>
        <location filename="../../ui/diagnostics.py" line="441"/>
        <source>Decoded</source>
        <translation>Decoded</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="410"/>
        <source>Symbology</source>
        <translation>Symbology</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="411"/>
        <source>Keystroke timing</source>
        <translation>Keystroke timing</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="412"/>
        <source>A scanner types each key within a few milliseconds; a person takes over 50 ms. Turn on AIM identifiers in the scanner to see the symbology.</source>
        <translation>A scanner types each key within a few milliseconds; a person takes over 50 ms. Turn on AIM identifiers in the scanner to see the symbology.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="419"/>
        <source>not sent by the scanner</source>
        <translation>not sent by the scanner</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="421"/>
        <source>%1 keys, average %2 ms, slowest %3 ms</source>
        <translation>%1 keys, average %2 ms, slowest %3 ms</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="432"/>
        <location filename="../../ui/diagnostics.py" line="451"/>
        <source>Start camera</source>
        <translation>Start camera</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="434"/>
        <source>No camera running</source>
        <translation>No camera running</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="459"/>
        <source>Stop camera</source>
        <translation>Stop camera</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="478"/>
        <source>Show test amounts</source>
        <translation>Show test amounts</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="481"/>
        <source>Pole display port</source>
        <translation>Pole display port</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="485"/>
        <source>Open the second-screen display</source>
        <translation>Open the second-screen display</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="501"/>
        <source>Shown: 88.88 with the Total lamp</source>
        <translation>Shown: 88.88 with the Total lamp</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="505"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="509"/>
        <source>Scan to pay</source>
        <translation>Scan to pay</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="520"/>
        <source>Toledo, continuous output</source>
        <translation>Toledo, continuous output</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="521"/>
        <location filename="../../ui/diagnostics.py" line="545"/>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="523"/>
        <source>Tare</source>
        <translation>Tare</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="524"/>
        <source>Zero</source>
        <translation>Zero</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="533"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="534"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="537"/>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="550"/>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="557"/>
        <source>Stable</source>
        <translation>Stable</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="557"/>
        <source>Settling…</source>
        <translation>Settling…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="559"/>
        <source>Net, tare %1 kg</source>
        <translation>Net, tare %1 kg</translation>
    </message>
</context>
<context>
    <name>EventKinds</name>
    <message>
        <location filename="../../ui/models.py" line="99"/>
        <source>sale</source>
        <translation>sale</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="100"/>
        <source>shift opened</source>
        <translation>shift opened</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="101"/>
        <source>shift closed</source>
        <translation>shift closed</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="102"/>
        <source>ticket voided</source>
        <translation>ticket voided</translation>
    </message>
</context>
<context>
    <name>GiftCardDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="688"/>
        <source>Sell a gift card</source>
        <translation>Sell a gift card</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="688"/>
        <source>Add (Enter)</source>
        <translation>Add (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="696"/>
        <source>Scan the barcode on the back of the card</source>
        <translation>Scan the card&apos;s back</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="699"/>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="711"/>
        <source>Scan or type the card number.</source>
        <translation>Scan or type the card number.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/board.py" line="253"/>
        <source>Pickup code the customer shows or says</source>
        <translation>Pickup code the customer shows or says</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="257"/>
        <source>Hand the bag to the rider %1</source>
        <translation>Hand the bag to the rider %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="265"/>
        <source>Enter the pickup code</source>
        <translation>Enter the pickup code</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="276"/>
        <source>Order %1 handed over.</source>
        <translation>Order %1 handed over.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="91"/>
        <source>Help</source>
        <extracomment>The row of buttons at the bottom (Cancel, OK); subclasses may add their own.</extracomment>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="91"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="102"/>
        <source>The Ctrl keys are also buttons under More, for the touch screen.</source>
        <translation>The Ctrl keys are also buttons under More, for the touch screen.</translation>
    </message>
</context>
<context>
    <name>HqErrors</name>
    <message>
        <location filename="../../ui/texts.py" line="46"/>
        <source>HQ cannot be reached: check the store&apos;s internet connection. Sales are kept and sent later.</source>
        <extracomment>a Chinese character: HQ&apos;s message is already in the till&apos;s language when the till speaks Chinese</extracomment>
        <translation>HQ cannot be reached: check the store&apos;s internet connection. Sales are kept and sent later.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="50"/>
        <source>HQ answered with an error (HTTP %1): it will be tried again.</source>
        <translation>HQ answered with an error (HTTP %1): it will be tried again.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="58"/>
        <source>HQ refused it.</source>
        <translation>HQ refused it.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="59"/>
        <source>HQ refused it (%1).</source>
        <translation>HQ refused it (%1).</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../ui/widgets.py" line="60"/>
        <source>Clear</source>
        <extracomment>The height of a row or a control a finger must hit on the touch screen (at least 44 px). The OK key was pressed.</extracomment>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="61"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>LabelPreview</name>
    <message>
        <location filename="../../ui/label_preview.py" line="32"/>
        <source>Print label</source>
        <translation>Print label</translation>
    </message>
    <message>
        <location filename="../../ui/label_preview.py" line="49"/>
        <source>%1 × %2 mm, gap %3 mm</source>
        <translation>%1 × %2 mm, gap %3 mm</translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="40"/>
        <source>By the product (promotion label when on promotion)</source>
        <extracomment>label rolls a store keeps (mm)</extracomment>
        <translation>By the product (promotion label when on promotion)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="41"/>
        <source>Shelf label</source>
        <translation>Shelf label</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="42"/>
        <source>Promotion label</source>
        <translation>Promotion label</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="45"/>
        <source>Price changed</source>
        <translation>Price changed</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="46"/>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="47"/>
        <source>Asked for</source>
        <translation>Asked for</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="67"/>
        <source>Shelf labels</source>
        <translation>Shelf labels</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="77"/>
        <source>Label stock</source>
        <translation>Label stock</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="79"/>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="84"/>
        <source>Scan a product to print its label now</source>
        <translation>Scan a product to print its label now</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="96"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="96"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="96"/>
        <source>Promotion price</source>
        <translation>Promotion price</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="97"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="114"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="116"/>
        <source>Print selected</source>
        <translation>Print selected</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="118"/>
        <source>Print all</source>
        <translation>Print all</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="168"/>
        <source>%1 labels to print</source>
        <translation>%1 labels to print</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="188"/>
        <source>No labels to print.</source>
        <translation>No labels to print.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="200"/>
        <source>This till has no label printer.</source>
        <translation>This till has no label printer.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="217"/>
        <source>%1 labels sent to the label printer.</source>
        <translation>%1 labels sent to the label printer.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="63"/>
        <source>OmniStore checkout</source>
        <translation>OmniStore checkout</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="67"/>
        <source>Till %1</source>
        <translation>Till %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="73"/>
        <source>Operator code</source>
        <translation>Operator code</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="76"/>
        <location filename="../../ui/screens.py" line="81"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="80"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="87"/>
        <source>Log in (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="91"/>
        <source>Hardware diagnostics (F2)</source>
        <translation>Hardware diagnostics (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="96"/>
        <source>Change my PIN (F3)</source>
        <translation>Change my PIN (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="141"/>
        <source>Enter your operator code.</source>
        <extracomment>the change-PIN dialog while it is open</extracomment>
        <translation>Enter your operator code.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="145"/>
        <source>Enter your PIN.</source>
        <translation>Enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="149"/>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="174"/>
        <source>PIN changed.</source>
        <translation>PIN changed.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="116"/>
        <source>OmniStore checkout</source>
        <extracomment>whose login opens the back office (a supervisor sees the modules their role allows) the till&apos;s data directory: its devices.json, print queues and logs</extracomment>
        <translation>OmniStore checkout</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="171"/>
        <source>Till: %1</source>
        <extracomment>线上订单: the board&apos;s window once opened, and the change stream behind the badge the back office of a manager or supervisor logged in (built at their login)</extracomment>
        <translation>Till: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="179"/>
        <location filename="../../ui/app.py" line="437"/>
        <source>HQ sync (Ctrl+S)</source>
        <translation>HQ sync (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="205"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="213"/>
        <source>cashier</source>
        <translation>cashier</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="213"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="213"/>
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="215"/>
        <source>Operator: %1 (%2)</source>
        <translation>Operator: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="267"/>
        <source>Online orders (%1)</source>
        <translation>Online orders (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="372"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="462"/>
        <source>Printer: OK</source>
        <translation>Printer: OK</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="464"/>
        <source>Printer: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="466"/>
        <source>Printer: status unknown</source>
        <translation>Printer: status unknown</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="488"/>
        <source>Server: online</source>
        <translation>Server: online</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="488"/>
        <source>Server: OFFLINE</source>
        <translation>Server: OFFLINE</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="39"/>
        <source>Regular member</source>
        <translation>Regular member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="40"/>
        <source>Silver member</source>
        <translation>Silver member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="41"/>
        <source>Gold member</source>
        <translation>Gold member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="42"/>
        <source>Diamond member</source>
        <translation>Diamond member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="50"/>
        <source>Points %1</source>
        <translation>Points %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="51"/>
        <source>Stored value %1</source>
        <translation>Stored value %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="54"/>
        <source> (%1 expire on %2)</source>
        <translation> (%1 expire on %2)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="123"/>
        <location filename="../../ui/loyalty.py" line="130"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="123"/>
        <source>Find (Enter)</source>
        <translation>Find (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="128"/>
        <source>Member code, phone or card number</source>
        <translation>Member code, phone or card number</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="132"/>
        <source>Name (only to register)</source>
        <translation>Name (only to register)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="133"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="144"/>
        <source>Register this phone</source>
        <translation>Register this phone</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="166"/>
        <source>Scan the member code or type a phone or card number.</source>
        <translation>Scan the member code or type a phone or card number.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="180"/>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="183"/>
        <source>Recent: %1</source>
        <translation>Recent: %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="185"/>
        <source>No purchases yet.</source>
        <translation>No purchases yet.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="186"/>
        <source>Attach to ticket (Enter)</source>
        <translation>Attach to ticket (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="187"/>
        <source>Member found.</source>
        <translation>Member found.</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../ui/backoffice/members.py" line="33"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="34"/>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="35"/>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="36"/>
        <source>Diamond</source>
        <translation>Diamond</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="39"/>
        <source>Earned on a sale</source>
        <translation>Earned on a sale</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="40"/>
        <source>Taken back by a return</source>
        <translation>Taken back by a return</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="41"/>
        <source>Spent</source>
        <translation>Spent</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="42"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="43"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="44"/>
        <source>Top-up</source>
        <translation>Top-up</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="45"/>
        <source>Top-up cancelled</source>
        <translation>Top-up cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="46"/>
        <source>Activated</source>
        <translation>Activated</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="47"/>
        <source>Usable</source>
        <translation>Usable</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="48"/>
        <source>Held for a sale</source>
        <translation>Held for a sale</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="49"/>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="50"/>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="82"/>
        <source>Phone, card or member number — or scan the member code</source>
        <extracomment>the top-up dialog while it is open</extracomment>
        <translation>Phone, card or member number — or scan the member code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="86"/>
        <source>Find (Enter)</source>
        <translation>Find (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="90"/>
        <source>Top up (Ctrl+T)</source>
        <translation>Top up (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="112"/>
        <location filename="../../ui/backoffice/members.py" line="114"/>
        <location filename="../../ui/backoffice/members.py" line="116"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="112"/>
        <location filename="../../ui/backoffice/members.py" line="117"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="112"/>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="112"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="113"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="114"/>
        <location filename="../../ui/backoffice/members.py" line="116"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="114"/>
        <location filename="../../ui/backoffice/members.py" line="120"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="114"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="116"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="116"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="117"/>
        <source>Bonus</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="118"/>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="118"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="118"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="118"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="119"/>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="120"/>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="121"/>
        <source>Stored value</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="121"/>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="148"/>
        <source>Asking HQ…</source>
        <translation>Asking HQ…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="171"/>
        <source>Topped up %1 (bonus %2).</source>
        <translation>Topped up %1 (bonus %2).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="188"/>
        <source>%1 · growth %2, %3 more to %4</source>
        <translation>%1 · growth %2, %3 more to %4</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="192"/>
        <source>%1 · growth %2</source>
        <translation>%1 · growth %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="194"/>
        <source>Points %1</source>
        <translation>Points %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="195"/>
        <source>Stored value %1</source>
        <translation>Stored value %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="196"/>
        <source>Member since %1, %2</source>
        <translation>Member since %1, %2</translation>
    </message>
</context>
<context>
    <name>NoReceiptReturnDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="605"/>
        <source>Return without receipt</source>
        <translation>Return without receipt</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="605"/>
        <source>Refund (Enter)</source>
        <translation>Refund (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="608"/>
        <source>Refunded in cash at today&apos;s shelf price, without promotions. A manager must allow it.</source>
        <extracomment>(code, quantity) coming back, once the cashier confirms; the checkout runs the return</extracomment>
        <translation>Refunded in cash at today&apos;s shelf price, without promotions. A manager must allow it.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="614"/>
        <source>Scan each item coming back</source>
        <translation>Scan each item coming back</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="616"/>
        <location filename="../../ui/loyalty.py" line="620"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="618"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="620"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="620"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="643"/>
        <source>%1 is sold by weight: it can only come back with its receipt.</source>
        <translation>%1 is sold by weight: it can only come back with its receipt.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="662"/>
        <source>Refund %1 in cash</source>
        <translation>Refund %1 in cash</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="677"/>
        <source>Scan what comes back first.</source>
        <translation>Scan what comes back first.</translation>
    </message>
</context>
<context>
    <name>O2OBoard</name>
    <message>
        <location filename="../../ui/board.py" line="66"/>
        <source>New</source>
        <extracomment>how long the server may hold one wait for changes (seconds) the new-order sound repeats this often (ms) until someone accepts</extracomment>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="67"/>
        <source>Picking</source>
        <translation>Picking</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="68"/>
        <source>To pack</source>
        <translation>To pack</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="69"/>
        <source>Pickup / delivery</source>
        <translation>Pickup / delivery</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="70"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="71"/>
        <source>Cancelled / problems</source>
        <translation>Cancelled / problems</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="77"/>
        <source>Own shop</source>
        <translation>Own shop</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="78"/>
        <source>Meituan</source>
        <translation>Meituan</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="79"/>
        <source>Ele.me</source>
        <translation>Ele.me</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="97"/>
        <source>Sold out</source>
        <extracomment>a card shows this many of the order number&apos;s last characters (the bag label and the tooltip show it whole)</extracomment>
        <translation>Sold out</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="98"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="99"/>
        <source>Too busy</source>
        <translation>Too busy</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="128"/>
        <source>%1 items · %2</source>
        <translation>%1 items · %2</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="131"/>
        <source>Accept within %1</source>
        <translation>Accept within %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="133"/>
        <source>CANCELLED WHILE PICKING: put the goods back</source>
        <translation>CANCELLED WHILE PICKING: put the goods back</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="135"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="137"/>
        <source>HQ refused: %1</source>
        <translation>HQ refused: %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="139"/>
        <source>Waiting to sync</source>
        <translation>Waiting to sync</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="479"/>
        <source>This needs a manager: %1</source>
        <extracomment>Who the store server asks for each action (``app.auth.authorise`` callers). A manager may do what a supervisor may. Who allows a no-receipt return is the store&apos;s choice (OMNISTORE_NO_RECEIPT_RETURN_ROLE), so that one names nobody.</extracomment>
        <translation>This needs a manager: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="392"/>
        <source>Authorisation</source>
        <translation>Authorisation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="392"/>
        <source>Authorise (Enter)</source>
        <translation>Authorise (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="406"/>
        <source>Authoriser code</source>
        <translation>Authoriser code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="407"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="481"/>
        <source>This needs a supervisor or a manager: %1</source>
        <translation>This needs a supervisor or a manager: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="482"/>
        <source>This needs authorisation: %1</source>
        <translation>This needs authorisation: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="487"/>
        <source>void a line</source>
        <translation>void a line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="488"/>
        <source>change a price</source>
        <translation>change a price</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="489"/>
        <source>open the drawer without a sale</source>
        <translation>open the drawer without a sale</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="490"/>
        <source>open hardware diagnostics</source>
        <translation>open hardware diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="491"/>
        <source>cancel the whole ticket</source>
        <translation>cancel the whole ticket</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="492"/>
        <source>refund above the store&apos;s limit</source>
        <translation>refund above the store&apos;s limit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="493"/>
        <source>take goods back without a receipt</source>
        <translation>take goods back without a receipt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="494"/>
        <source>approve a stock count and post its differences</source>
        <translation>approve a stock count and post its differences</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="495"/>
        <source>pay a refused payment-code refund in cash</source>
        <translation>pay a refused payment-code refund in cash</translation>
    </message>
</context>
<context>
    <name>PaperRollWindow</name>
    <message>
        <location filename="../../ui/printer_preview.py" line="238"/>
        <source>Receipt printer simulator</source>
        <translation>Receipt printer simulator</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printer_preview.py" line="280"/>
        <source>%n job(s) printed</source>
        <translation>
            <numerusform>%n job printed</numerusform>
            <numerusform>%n jobs printed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParkedTicketsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="439"/>
        <source>Parked tickets</source>
        <translation>Parked tickets</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="439"/>
        <source>Resume (Enter)</source>
        <translation>Resume (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="452"/>
        <source>No parked tickets.</source>
        <translation>No parked tickets.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="459"/>
        <source>Choose a ticket first.</source>
        <translation>Choose a ticket first.</translation>
    </message>
</context>
<context>
    <name>PaycodeDialog</name>
    <message>
        <location filename="../../ui/paycode.py" line="53"/>
        <source>Payment code</source>
        <extracomment>how often the dialog asks the store server how the payment stands how often the refunds dialog asks how the refunds stand an override the store server turned down: ask the manager again the provider could not be reached at all (the client&apos;s code for a network failure)</extracomment>
        <translation>Payment code</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="53"/>
        <source>Check payment (F5)</source>
        <translation>Check payment (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="62"/>
        <source>Cancel payment (Esc)</source>
        <translation>Cancel payment (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="64"/>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="71"/>
        <source>Scan the customer&apos;s payment code.</source>
        <translation>Scan the customer&apos;s payment code.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="92"/>
        <source>A payment is still being confirmed: wait, or cancel it first.</source>
        <translation>A payment is still being confirmed: wait, or cancel it first.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="95"/>
        <source>That is not a WeChat Pay or Alipay payment code.</source>
        <translation>That is not a WeChat Pay or Alipay payment code.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="98"/>
        <source>Sending the payment…</source>
        <translation>Sending the payment…</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="121"/>
        <source>Cancelling the payment…</source>
        <translation>Cancelling the payment…</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="179"/>
        <source>The payment provider cannot be reached: take another tender.</source>
        <translation>The payment provider cannot be reached: take another tender.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="183"/>
        <source>Waiting for the customer to enter the password… (%1 s)</source>
        <translation>Waiting for the customer to enter the password… (%1 s)</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="188"/>
        <source>The payment is being cancelled; the customer is not charged.</source>
        <translation>The payment is being cancelled; the customer is not charged.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="201"/>
        <source>Not paid: %1. Scan another code or take another tender.</source>
        <translation>Not paid: %1. Scan another code or take another tender.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="203"/>
        <source>The payment was cancelled; the customer is not charged.</source>
        <translation>The payment was cancelled; the customer is not charged.</translation>
    </message>
</context>
<context>
    <name>PaycodeRefundsDialog</name>
    <message>
        <location filename="../../ui/paycode.py" line="268"/>
        <source>Refunds to payment codes</source>
        <translation>Refunds to payment codes</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="268"/>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="285"/>
        <source>Cash refund</source>
        <translation>Cash refund</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="333"/>
        <source>%1 %2: refunded to the customer</source>
        <translation>%1 %2: refunded to the customer</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="335"/>
        <source>%1 %2: refused by the provider (%3). Refund it in cash with a manager.</source>
        <translation>%1 %2: refused by the provider (%3). Refund it in cash with a manager.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="337"/>
        <source>%1 %2: refunded in cash</source>
        <translation>%1 %2: refunded in cash</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="339"/>
        <source>%1 %2: refund pending…</source>
        <translation>%1 %2: refund pending…</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="340"/>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="340"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
</context>
<context>
    <name>PinResetDialog</name>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="48"/>
        <source>Reset the PIN of %1</source>
        <translation>Reset the PIN of %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="49"/>
        <source>Reset (Enter)</source>
        <translation>Reset (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="51"/>
        <source>Give the operator this one-time PIN: at their next login they choose their own.</source>
        <translation>Give the operator this one-time PIN: at their next login they choose their own.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="61"/>
        <source>One-time PIN</source>
        <translation>One-time PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="62"/>
        <source>Once more</source>
        <translation>Once more</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="70"/>
        <source>4 to 8 digits, not all the same and not a run like 1234.</source>
        <translation>4 to 8 digits, not all the same and not a run like 1234.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="74"/>
        <source>The two PINs differ.</source>
        <translation>The two PINs differ.</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="119"/>
        <source>This module is not available in this version yet.</source>
        <translation>This module is not available in this version yet.</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="434"/>
        <source>Pay with points</source>
        <translation>Pay with points</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="434"/>
        <source>Pay (Enter)</source>
        <translation>Pay (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="438"/>
        <source>%1 points: up to %2 (%3 points = %4)</source>
        <translation>%1 points: up to %2 (%3 points = %4)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="445"/>
        <source>Amount (￥)</source>
        <translation>Amount (￥)</translation>
    </message>
</context>
<context>
    <name>PosDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="54"/>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="58"/>
        <source>OK (Enter)</source>
        <translation>OK (Enter)</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="264"/>
        <source>Override price</source>
        <translation>Override price</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="268"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="269"/>
        <source>Current price</source>
        <translation>Current price</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="273"/>
        <source>New price (￥)</source>
        <translation>New price (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="287"/>
        <source>Enter a price such as 12.50.</source>
        <translation>Enter a price such as 12.50.</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>Search products</source>
        <translation>Search products</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>Add (Enter)</source>
        <translation>Add (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="121"/>
        <source>Name, pinyin initials (e.g. kkkl) or code</source>
        <translation>Name, pinyin initials (e.g. kkkl) or code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162"/>
        <source>No product matches.</source>
        <translation>No product matches.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="182"/>
        <source>Choose a product first.</source>
        <translation>Choose a product first.</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="192"/>
        <source>Change quantity</source>
        <translation>Change quantity</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="198"/>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="204"/>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="204"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="219"/>
        <source>Enter a quantity greater than zero.</source>
        <translation>Enter a quantity greater than zero.</translation>
    </message>
</context>
<context>
    <name>ReconWindow</name>
    <message>
        <location filename="../../ui/recon.py" line="190"/>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="203"/>
        <source>Store code (empty: every store)</source>
        <translation>Store code (empty: every store)</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="204"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="205"/>
        <source>Import a bill…</source>
        <translation>Import a bill…</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="210"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="220"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="220"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="221"/>
        <location filename="../../ui/recon.py" line="244"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="227"/>
        <location filename="../../ui/recon.py" line="242"/>
        <location filename="../../ui/recon.py" line="249"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="227"/>
        <source>Bill day</source>
        <translation>Bill day</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="227"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="228"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="228"/>
        <location filename="../../ui/recon.py" line="242"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="228"/>
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="232"/>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="233"/>
        <source>Payouts</source>
        <translation>Payouts</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="238"/>
        <source>Choose a day</source>
        <translation>Choose a day</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="242"/>
        <source>Ours</source>
        <translation>Ours</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="243"/>
        <source>Theirs</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="243"/>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="243"/>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="249"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="249"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="250"/>
        <source>Our sale</source>
        <translation>Our sale</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="250"/>
        <source>Bill row</source>
        <translation>Bill row</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="250"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="261"/>
        <source>Resolve…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="262"/>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="263"/>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="276"/>
        <source>This store</source>
        <translation>This store</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="292"/>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="292"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="292"/>
        <source>Meituan</source>
        <translation>Meituan</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="292"/>
        <source>Ele.me</source>
        <translation>Ele.me</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="295"/>
        <source>Matched</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="295"/>
        <source>Differences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="296"/>
        <source>Missing bill</source>
        <translation>Missing bill</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="296"/>
        <source>Nothing</source>
        <translation>Nothing</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="299"/>
        <source>Ours only (short)</source>
        <translation>Ours only (short)</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="299"/>
        <source>Provider only (over)</source>
        <translation>Provider only (over)</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="300"/>
        <source>Amount differs</source>
        <translation>Amount differs</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="300"/>
        <source>Reversed after success</source>
        <translation>Reversed after success</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="301"/>
        <source>Reversed, closed</source>
        <translation>Reversed, closed</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="301"/>
        <source>Other day (cut-off)</source>
        <translation>Other day (cut-off)</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="302"/>
        <source>Refund of another day</source>
        <translation>Refund of another day</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="303"/>
        <source>Awaiting the bill</source>
        <translation>Awaiting the bill</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="332"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="332"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="332"/>
        <source>Not due</source>
        <translation>Not due</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/recon.py" line="362"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day(s)</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="376"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="376"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="398"/>
        <source>to resolve</source>
        <translation>to resolve</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="411"/>
        <source>Cash: counted %1, deposited %2, banked %3</source>
        <translation>Cash: counted %1, deposited %2, banked %3</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="433"/>
        <source>Bill row: %1 %2 at %3, fee %4, %5</source>
        <translation>Bill row: %1 %2 at %3, fee %4, %5</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="443"/>
        <source>Our sale: %1 at till %2, %3, total %4</source>
        <translation>Our sale: %1 at till %2, %3, total %4</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="450"/>
        <source>Receipt:</source>
        <translation>Receipt:</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="458"/>
        <source>Payment attempts: none</source>
        <translation>Payment attempts: none</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="459"/>
        <source>Payment attempts:</source>
        <translation>Payment attempts:</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="466"/>
        <source>Refund %1 of %2: %3 %4</source>
        <translation>Refund %1 of %2: %3 %4</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="500"/>
        <source>Reopen the day</source>
        <translation>Reopen the day</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="500"/>
        <source>Why is it reopened?</source>
        <translation>Why is it reopened?</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="511"/>
        <source>Import a bill</source>
        <translation>Import a bill</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="512"/>
        <source>Bills (*.csv *.zip *.txt);;All files (*)</source>
        <translation>Bills (*.csv *.zip *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="524"/>
        <source>This file was imported before: nothing changed.</source>
        <translation>This file was imported before: nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="526"/>
        <source>%1 rows, %2 new, %3 unreadable</source>
        <translation>%1 rows, %2 new, %3 unreadable</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../ui/recon.py" line="163"/>
        <source>Resolve a difference</source>
        <extracomment>a state&apos;s colour on the calendar HQ finance: every store, the payouts, the import, reopening a day</extracomment>
        <translation>Resolve a difference</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="165"/>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="167"/>
        <source>Write off</source>
        <translation>Write off</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="167"/>
        <source>Adjust</source>
        <translation>Adjust</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="168"/>
        <source>Refund owed to the customer</source>
        <translation>Refund owed to the customer</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="168"/>
        <source>Chase the provider</source>
        <translation>Chase the provider</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="171"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="173"/>
        <source>What was found, what was done</source>
        <translation>What was found, what was done</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="174"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="477"/>
        <location filename="../../ui/loyalty.py" line="504"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="477"/>
        <location filename="../../ui/loyalty.py" line="525"/>
        <source>Find sale (Enter)</source>
        <translation>Find sale (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="484"/>
        <source>Scan the receipt barcode, or type the amount, member or goods code</source>
        <extracomment>(line id, quantity) to bring back, once the cashier confirms; the checkout runs the return</extracomment>
        <translation>Scan the receipt barcode, or type the amount, member or goods code</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="487"/>
        <location filename="../../ui/loyalty.py" line="497"/>
        <source>Sale</source>
        <extracomment>查单: the day&apos;s sales that match what was typed, when there is no receipt barcode to scan</extracomment>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="492"/>
        <source>Sold on</source>
        <translation>Sold on</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="494"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="497"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="497"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="497"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="504"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="504"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="504"/>
        <source>Can return</source>
        <translation>Can return</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="509"/>
        <source>No receipt…</source>
        <extracomment>the cashier chose 无小票退货 instead: the checkout opens that dialog</extracomment>
        <translation>No receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="536"/>
        <source>Scan the receipt barcode or type the sale number.</source>
        <translation>Scan the receipt barcode or type the sale number.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="549"/>
        <source>Choose how many of which item come back.</source>
        <translation>Choose how many of which item come back.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="566"/>
        <source>%1 sales match: pick one (Enter).</source>
        <translation>%1 sales match: pick one (Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="568"/>
        <source>No sale of that day matches.</source>
        <translation>No sale of that day matches.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="583"/>
        <source>Gift cards sold are not taken back.</source>
        <translation>Gift cards sold are not taken back.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="592"/>
        <source>Refund (Enter)</source>
        <translation>Refund (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="594"/>
        <source>Everything on this sale has been returned already.</source>
        <translation>Everything on this sale has been returned already.</translation>
    </message>
</context>
<context>
    <name>SalesJournalPage</name>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="63"/>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="63"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="63"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="63"/>
        <location filename="../../ui/backoffice/sales.py" line="123"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="64"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="64"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="64"/>
        <source>Tenders</source>
        <translation>Tenders</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="64"/>
        <location filename="../../ui/backoffice/sales.py" line="121"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="71"/>
        <source>More…</source>
        <translation>More…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="94"/>
        <source>Receipt number or its beginning</source>
        <translation>Receipt number or its beginning</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="96"/>
        <source>from ￥</source>
        <translation>from ￥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="98"/>
        <source>to ￥</source>
        <translation>to ￥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="100"/>
        <source>Member card number</source>
        <translation>Member card number</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="102"/>
        <source>Operator code</source>
        <translation>Operator code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="104"/>
        <source>Any tender</source>
        <translation>Any tender</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="111"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="113"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="115"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="117"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="127"/>
        <source>Search (F5)</source>
        <translation>Search (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="137"/>
        <source>Pick a sale to see it</source>
        <translation>Pick a sale to see it</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="141"/>
        <source>Goods</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="141"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="141"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="141"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="154"/>
        <source>Reprint (Ctrl+P)</source>
        <translation>Reprint (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="156"/>
        <source>Return… (Ctrl+R)</source>
        <translation>Return… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="183"/>
        <source>The time range ends before it begins.</source>
        <translation>The time range ends before it begins.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="188"/>
        <source>Not an amount: %1</source>
        <translation>Not an amount: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="191"/>
        <source>The lowest amount is above the highest.</source>
        <translation>The lowest amount is above the highest.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="219"/>
        <source>%1 sales</source>
        <translation>%1 sales</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="222"/>
        <source>No sale matches.</source>
        <translation>No sale matches.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="241"/>
        <source>%1 · %2 · till %3</source>
        <translation>%1 · %2 · till %3</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="252"/>
        <source>Subtotal %1</source>
        <translation>Subtotal %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="254"/>
        <source>promotions −%1</source>
        <translation>promotions −%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="256"/>
        <source>coupon %1 −%2</source>
        <translation>coupon %1 −%2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="259"/>
        <source>rounding %1</source>
        <translation>rounding %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="260"/>
        <source>total %1</source>
        <translation>total %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="262"/>
        <source>paid %1, change %2</source>
        <translation>paid %1, change %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="264"/>
        <source>member %1</source>
        <translation>member %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="285"/>
        <source>Reprinted %1</source>
        <translation>Reprinted %1</translation>
    </message>
</context>
<context>
    <name>ScanLines</name>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="93"/>
        <source>Scan or type a barcode, then Enter</source>
        <translation>Scan or type a barcode, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="97"/>
        <source>Pieces, or grams for weighed goods</source>
        <translation>Pieces, or grams for weighed goods</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="98"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="100"/>
        <location filename="../../ui/backoffice/stock.py" line="104"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="104"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="106"/>
        <source>Clear the lines</source>
        <translation>Clear the lines</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="31"/>
        <source>None: exact fen</source>
        <translation>None: exact fen</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="32"/>
        <source>To the jiao, down</source>
        <translation>To the jiao, down</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="33"/>
        <source>To the jiao, half up</source>
        <translation>To the jiao, half up</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="34"/>
        <source>To the yuan, down</source>
        <translation>To the yuan, down</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="35"/>
        <source>To the yuan, half up</source>
        <translation>To the yuan, half up</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="51"/>
        <source>Settings of this store</source>
        <translation>Settings of this store</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="57"/>
        <source>Printed under the store&apos;s name</source>
        <translation>Printed under the store&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="62"/>
        <source>Receipt header</source>
        <translation>Receipt header</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="63"/>
        <source>Receipt footer</source>
        <translation>Receipt footer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="67"/>
        <source>Rounding</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="70"/>
        <source>Void limit (￥, above it a supervisor authorises)</source>
        <translation>Void limit (￥, above it a supervisor authorises)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="74"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="75"/>
        <source>Devices and diagnostics…</source>
        <translation>Devices and diagnostics…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="78"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="88"/>
        <source>Back to the defaults</source>
        <translation>Back to the defaults</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="90"/>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="119"/>
        <source>Changed here: %1. The rest follow the store server&apos;s defaults.</source>
        <translation>Changed here: %1. The rest follow the store server&apos;s defaults.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="120"/>
        <source>nothing yet</source>
        <translation>nothing yet</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="127"/>
        <source>A header or footer is at most 4 lines and %1 characters.</source>
        <translation>A header or footer is at most 4 lines and %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="133"/>
        <source>Not an amount: %1</source>
        <translation>Not an amount: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="145"/>
        <source>Nothing changed.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="159"/>
        <source>Saved: the next sale uses these settings.</source>
        <translation>Saved: the next sale uses these settings.</translation>
    </message>
</context>
<context>
    <name>ShelvesPage</name>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="51"/>
        <source>Online orders are picked in this order: by location, then the goods without one. A location is letters or digits joined by - . / (e.g. A-03-2).</source>
        <extracomment>the store server takes a CSV of at most this many bytes in one request</extracomment>
        <translation>Online orders are picked in this order: by location, then the goods without one. A location is letters or digits joined by - . / (e.g. A-03-2).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="58"/>
        <source>Scan or type the product</source>
        <translation>Scan or type the product</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="60"/>
        <source>Location, e.g. A-03-2 (empty: none)</source>
        <translation>Location, e.g. A-03-2 (empty: none)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="64"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="67"/>
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="77"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="77"/>
        <source>Product code</source>
        <translation>Product code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="77"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="113"/>
        <source>Scan or type the product first</source>
        <translation>Scan or type the product first</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="119"/>
        <source>Saved: %1 → %2</source>
        <translation>Saved: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="120"/>
        <source>no location</source>
        <translation>no location</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="131"/>
        <source>Import shelf locations</source>
        <translation>Import shelf locations</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="132"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="141"/>
        <source>The file is too large to send from here: import it on the store server&apos;s PC with &apos;omnistore shelves import&apos;.</source>
        <translation>The file is too large to send from here: import it on the store server&apos;s PC with &apos;omnistore shelves import&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="146"/>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="152"/>
        <source>Imported: %1 set, %2 cleared.</source>
        <translation>Imported: %1 set, %2 cleared.</translation>
    </message>
</context>
<context>
    <name>ShiftCloseScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="322"/>
        <source>Over</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="324"/>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="325"/>
        <source>Balanced</source>
        <translation>Balanced</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="342"/>
        <source>Close shift</source>
        <extracomment>Back to the checkout without closing. The shift is closed (ShiftClose); the cashier has seen the result. &quot;Done&quot;: the cashier leaves the till.</extracomment>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="358"/>
        <source>Cash counted (￥)</source>
        <translation>Cash counted (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="364"/>
        <source>Expected in drawer</source>
        <translation>Expected in drawer</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="365"/>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="381"/>
        <source>Back to checkout (Esc)</source>
        <translation>Back to checkout (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="384"/>
        <source>Close shift (Enter)</source>
        <translation>Close shift (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="387"/>
        <source>Done, log out (Enter)</source>
        <translation>Done, log out (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="402"/>
        <source>%1, count the cash in the drawer and enter the total. The expected amount is shown after you close.</source>
        <translation>%1, count the cash in the drawer and enter the total. The expected amount is shown after you close.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="445"/>
        <source>Enter the cash counted, such as 1268.50 (0 for an empty drawer).</source>
        <translation>Enter the cash counted, such as 1268.50 (0 for an empty drawer).</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="450"/>
        <source>Closing the shift…</source>
        <translation>Closing the shift…</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="470"/>
        <source>The shift is closed.</source>
        <translation>The shift is closed.</translation>
    </message>
</context>
<context>
    <name>ShiftOpenScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="252"/>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="264"/>
        <source>Float (￥)</source>
        <translation>Float (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="271"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="274"/>
        <source>Open shift (Enter)</source>
        <translation>Open shift (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="285"/>
        <source>%1, count the float into the drawer.</source>
        <translation>%1, count the float into the drawer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="303"/>
        <source>Enter the float as an amount, such as 500 or 200.50.</source>
        <translation>Enter the float as an amount, such as 500 or 200.50.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="30"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="31"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="32"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="90"/>
        <source>Operators of this store</source>
        <translation>Operators of this store</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="93"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="93"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="93"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="93"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="94"/>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="94"/>
        <location filename="../../ui/backoffice/staff.py" line="118"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="101"/>
        <location filename="../../ui/backoffice/staff.py" line="208"/>
        <source>Lock (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="103"/>
        <source>Reset PIN (Ctrl+R)</source>
        <translation>Reset PIN (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="105"/>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="115"/>
        <source>Logins</source>
        <translation>Logins</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="118"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="118"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="151"/>
        <source>%1 is locked: they cannot log in.</source>
        <translation>%1 is locked: they cannot log in.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="152"/>
        <source>%1 may log in again.</source>
        <translation>%1 may log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="167"/>
        <source>PIN of %1 reset: they choose a new one at their next login.</source>
        <translation>PIN of %1 reset: they choose a new one at their next login.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="177"/>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="179"/>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="181"/>
        <source>Wrong PINs: locked for a while</source>
        <translation>Wrong PINs: locked for a while</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="183"/>
        <source>Must choose a new PIN</source>
        <translation>Must choose a new PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="184"/>
        <source>Logged in</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="184"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="207"/>
        <source>Unlock (Ctrl+L)</source>
        <translation>Unlock (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="209"/>
        <source>Logins of %1</source>
        <translation>Logins of %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="217"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="217"/>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="43"/>
        <source>Expired</source>
        <extracomment>报损 reasons as the store says them (the API&apos;s codes)</extracomment>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="44"/>
        <source>Broken</source>
        <translation>Broken</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="45"/>
        <source>Spoiled</source>
        <translation>Spoiled</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="46"/>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="47"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="50"/>
        <source>On the way</source>
        <translation>On the way</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="51"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="52"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="140"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="144"/>
        <location filename="../../ui/backoffice/stock.py" line="185"/>
        <source>On hand</source>
        <translation>On hand</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="145"/>
        <source>Receive</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="146"/>
        <source>Damage</source>
        <translation>Damage</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="147"/>
        <source>Stock count</source>
        <translation>Stock count</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="148"/>
        <source>Transfers</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="150"/>
        <source>Shelf locations</source>
        <translation>Shelf locations</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="177"/>
        <source>Name, pinyin initials (nfsq), SKU or barcode</source>
        <translation>Name, pinyin initials (nfsq), SKU or barcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="179"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="184"/>
        <location filename="../../ui/backoffice/stock.py" line="318"/>
        <location filename="../../ui/backoffice/stock.py" line="320"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="184"/>
        <location filename="../../ui/backoffice/stock.py" line="318"/>
        <location filename="../../ui/backoffice/stock.py" line="320"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="184"/>
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="184"/>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="188"/>
        <source>◀ Previous</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="189"/>
        <source>Next ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="209"/>
        <source>%1–%2 of %3 products</source>
        <translation>%1–%2 of %3 products</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="221"/>
        <source>The supplier on the delivery note</source>
        <translation>The supplier on the delivery note</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="223"/>
        <source>Delivery note number</source>
        <translation>Delivery note number</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="224"/>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="225"/>
        <source>Delivery note</source>
        <translation>Delivery note</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="229"/>
        <source>Goods sent by another store are received on the Transfers tab.</source>
        <translation>Goods sent by another store are received on the Transfers tab.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="232"/>
        <source>Post the delivery</source>
        <translation>Post the delivery</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="241"/>
        <source>Who delivered? Enter the supplier.</source>
        <translation>Who delivered? Enter the supplier.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="245"/>
        <location filename="../../ui/backoffice/stock.py" line="281"/>
        <location filename="../../ui/backoffice/stock.py" line="488"/>
        <source>Scan the goods first.</source>
        <translation>Scan the goods first.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="251"/>
        <source>Received: %1 products.</source>
        <translation>Received: %1 products.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="267"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="268"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="272"/>
        <source>Write off</source>
        <translation>Write off</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="289"/>
        <source>Written off: %1 products.</source>
        <translation>Written off: %1 products.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="302"/>
        <source>Start a count</source>
        <translation>Start a count</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="309"/>
        <source>Scan what is on the shelf, then Enter</source>
        <translation>Scan what is on the shelf, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="315"/>
        <location filename="../../ui/backoffice/stock.py" line="318"/>
        <location filename="../../ui/backoffice/stock.py" line="320"/>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="320"/>
        <source>Book</source>
        <translation>Book</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="321"/>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="325"/>
        <source>Variance list</source>
        <translation>Variance list</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="327"/>
        <source>Approve and post</source>
        <translation>Approve and post</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="330"/>
        <source>Cancel the count</source>
        <translation>Cancel the count</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="347"/>
        <source>No count is open. Starting one takes a snapshot of the book.</source>
        <translation>No count is open. Starting one takes a snapshot of the book.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="349"/>
        <source>Count %1 — counted blind: the book shows only in the variance list.</source>
        <translation>Count %1 — counted blind: the book shows only in the variance list.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="387"/>
        <source>%1 products differ from the book.</source>
        <translation>%1 products differ from the book.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="402"/>
        <source>Count %1 approved: %2 adjustments posted.</source>
        <translation>Count %1 approved: %2 adjustments posted.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="415"/>
        <source>The count was cancelled: nothing was posted.</source>
        <translation>The count was cancelled: nothing was posted.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="424"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="424"/>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="424"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="424"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="425"/>
        <source>Goods</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="428"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="435"/>
        <source>The receiving store&apos;s code</source>
        <translation>The receiving store&apos;s code</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="436"/>
        <source>Send to store</source>
        <translation>Send to store</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="441"/>
        <source>Receive the selected transfer</source>
        <translation>Receive the selected transfer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="443"/>
        <source>Send transfer</source>
        <translation>Send transfer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="457"/>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="457"/>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="467"/>
        <source>Enter the receiving store and scan the goods.</source>
        <translation>Enter the receiving store and scan the goods.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="473"/>
        <source>Transfer %1 sent to %2.</source>
        <translation>Transfer %1 sent to %2.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="484"/>
        <source>Choose an incoming transfer on the way.</source>
        <translation>Choose an incoming transfer on the way.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="495"/>
        <source>Transfer %1 received; %2 lines differ.</source>
        <translation>Transfer %1 received; %2 lines differ.</translation>
    </message>
</context>
<context>
    <name>StoreClient</name>
    <message>
        <location filename="../../ui/api.py" line="412"/>
        <source>The store server cannot be reached. Check the network.</source>
        <extracomment>(connect, read) seconds. A till must say &quot;offline&quot; quickly rather than hang a scan. the promotion that priced the line (第2件5折), or 改价 with the shelf price the shelf price; a line priced by hand (改价) has another ``unit_price`` what the promotions took off the lines (already out of ``subtotal``), as the server priced them still due by a tender other than cash: exact fen, 抹零 applies only to cash A store server without the sync endpoints (or not enrolled with HQ) reports this. 货位 in this store, when the manager set one</extracomment>
        <translation>The store server cannot be reached. Check the network.</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="429"/>
        <source>The server refused the request (%1).</source>
        <translation>The server refused the request (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="436"/>
        <source>The server sent an unreadable answer.</source>
        <translation>The server sent an unreadable answer.</translation>
    </message>
</context>
<context>
    <name>StoredValueDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="228"/>
        <source>Pay with stored value</source>
        <translation>Pay with stored value</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="228"/>
        <source>Pay (Enter)</source>
        <translation>Pay (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="236"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="237"/>
        <source>Amount (￥)</source>
        <translation>Amount (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="277"/>
        <source>Balance %1</source>
        <translation>Balance %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="287"/>
        <source>The card pays %1; the rest is paid another way.</source>
        <translation>The card pays %1; the rest is paid another way.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="279"/>
        <source>(valid until %1)</source>
        <translation>(valid until %1)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="282"/>
        <source>This gift card has expired; it cannot pay.</source>
        <translation>This gift card has expired; it cannot pay.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="284"/>
        <source>The card is empty.</source>
        <translation>The card is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="293"/>
        <source>Scan or type the card number.</source>
        <translation>Scan or type the card number.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../ui/sync.py" line="92"/>
        <source>redeem coupon</source>
        <translation>redeem coupon</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="93"/>
        <source>release coupon</source>
        <translation>release coupon</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="94"/>
        <source>refund to card</source>
        <translation>refund to card</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="95"/>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="96"/>
        <source>points back</source>
        <translation>points back</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="97"/>
        <source>activate gift card</source>
        <translation>activate gift card</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="98"/>
        <source>campaign coupon</source>
        <translation>campaign coupon</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="99"/>
        <source>restore coupon</source>
        <translation>restore coupon</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="100"/>
        <source>take back campaign coupon</source>
        <translation>take back campaign coupon</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="150"/>
        <source>HQ sync</source>
        <translation>HQ sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="150"/>
        <source>Close (Enter)</source>
        <translation>Close (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="162"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="163"/>
        <source>Waiting to upload</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="164"/>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="165"/>
        <source>Master data from HQ</source>
        <translation>Master data from HQ</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="166"/>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="168"/>
        <source>Stuck uploads (HQ keeps refusing them)</source>
        <translation>Stuck uploads (HQ keeps refusing them)</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="177"/>
        <source>Coupons, stored value and points HQ could not settle (for the manager)</source>
        <translation>Coupons, stored value and points HQ could not settle (for the manager)</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="180"/>
        <source>Show resolved</source>
        <translation>Show resolved</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="184"/>
        <source>Resolve…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="192"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="192"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="192"/>
        <source>Coupon / card / member</source>
        <translation>Coupon / card / member</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="193"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="193"/>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="193"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="205"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="219"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="243"/>
        <source>%1 changes applied (cursor %2)</source>
        <translation>%1 changes applied (cursor %2)</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="246"/>
        <source>catching up</source>
        <translation>catching up</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="254"/>
        <source>This store is not connected to HQ: sales stay in the store.</source>
        <translation>This store is not connected to HQ: sales stay in the store.</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="322"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="327"/>
        <source>Marked as handled.</source>
        <translation>Marked as handled.</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="341"/>
        <source>%1 uploads are stuck: call support.</source>
        <translation>%1 uploads are stuck: call support.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync.py" line="60"/>
        <source>HQ: not connected</source>
        <translation>HQ: not connected</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="63"/>
        <source>HQ data syncing: %1 received (%2%)</source>
        <translation>HQ data syncing: %1 received (%2%)</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="65"/>
        <source>HQ data syncing (%1 received)</source>
        <translation>HQ data syncing (%1 received)</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="70"/>
        <source>HQ: connecting</source>
        <translation>HQ: connecting</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="72"/>
        <source>HQ: online</source>
        <translation>HQ: online</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="74"/>
        <source>HQ: OFFLINE</source>
        <translation>HQ: OFFLINE</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="75"/>
        <source>to upload %1</source>
        <translation>to upload %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="77"/>
        <source>last sync %1</source>
        <translation>last sync %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="68"/>
        <source>HQ: UPLOADS STUCK</source>
        <translation>HQ: UPLOADS STUCK</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="86"/>
        <source>Uploads to HQ are stuck: the oldest has waited %1 min. %2</source>
        <translation>Uploads to HQ are stuck: the oldest has waited %1 min. %2</translation>
    </message>
</context>
<context>
    <name>TicketLinesModel</name>
    <message>
        <location filename="../../ui/models.py" line="159"/>
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
</context>
<context>
    <name>TillKeys</name>
    <message>
        <location filename="../../ui/keys.py" line="48"/>
        <source>Help</source>
        <extracomment>the translation context of every text in the table the shortcut as ``QKeySequence`` text (&quot;F3&quot;, &quot;Ctrl+M&quot;); empty for a row that only explains the button&apos;s caption (source text) the F1 help line (source text) the ``CheckoutScreen`` method it calls &quot;bar&quot;: a button on the function-key bar; &quot;more&quot;: a button in the 更多 panel; &quot;&quot;: help only what the help shows as the key when it is not ``key`` itself (&quot;F12 / +&quot;)</extracomment>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="49"/>
        <source>This list of keys</source>
        <translation>This list of keys</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="51"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="52"/>
        <source>Search products by name, pinyin initials or code</source>
        <translation>Search products by name, pinyin initials or code</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="54"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="55"/>
        <source>Change the quantity of the selected line</source>
        <translation>Change the quantity of the selected line</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="57"/>
        <source>Void line</source>
        <translation>Void line</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="58"/>
        <source>Void the selected line</source>
        <translation>Void the selected line</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="60"/>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="61"/>
        <source>Park the ticket (hold it for later)</source>
        <translation>Park the ticket (hold it for later)</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="63"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="64"/>
        <source>Resume a parked ticket</source>
        <translation>Resume a parked ticket</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="66"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="67"/>
        <source>Override the price of the selected line</source>
        <translation>Override the price of the selected line</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="69"/>
        <source>No sale</source>
        <translation>No sale</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="70"/>
        <source>Open the cash drawer without a sale (a manager authorises it)</source>
        <translation>Open the cash drawer without a sale (a manager authorises it)</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="72"/>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="73"/>
        <source>Reprint the last receipt</source>
        <translation>Reprint the last receipt</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="75"/>
        <location filename="../../ui/keys.py" line="76"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="78"/>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="79"/>
        <source>Close the shift (blind count of the drawer)</source>
        <translation>Close the shift (blind count of the drawer)</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="81"/>
        <location filename="../../ui/keys.py" line="82"/>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="84"/>
        <source>Cancel ticket</source>
        <translation>Cancel ticket</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="85"/>
        <source>Cancel the whole ticket (paid or over the limit: a supervisor allows it)</source>
        <translation>Cancel the whole ticket (paid or over the limit: a supervisor allows it)</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="87"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="88"/>
        <source>Member: scan the member code, or type a phone or card number</source>
        <translation>Member: scan the member code, or type a phone or card number</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="90"/>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="91"/>
        <source>Use a coupon</source>
        <translation>Use a coupon</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="93"/>
        <source>Stored value</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="94"/>
        <source>Pay with stored value or a gift card</source>
        <translation>Pay with stored value or a gift card</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="96"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="97"/>
        <source>Pay with the member&apos;s points</source>
        <translation>Pay with the member&apos;s points</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="99"/>
        <source>Top up</source>
        <translation>Top up</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="100"/>
        <source>Top up a stored-value card: cash in, the card credited with its bonus</source>
        <translation>Top up a stored-value card: cash in, the card credited with its bonus</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="102"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="103"/>
        <source>Return goods of an earlier sale</source>
        <translation>Return goods of an earlier sale</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="105"/>
        <source>HQ sync</source>
        <translation>HQ sync</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="106"/>
        <source>HQ sync status and stuck uploads</source>
        <translation>HQ sync status and stuck uploads</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="108"/>
        <source>Select a line</source>
        <translation>Select a line</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="109"/>
        <source>Type 3* before a code to sell 3 of it</source>
        <translation>Type 3* before a code to sell 3 of it</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="313"/>
        <source>Top up stored value</source>
        <translation>Top up stored value</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="313"/>
        <location filename="../../ui/loyalty.py" line="367"/>
        <source>Top up (Enter)</source>
        <translation>Top up (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="321"/>
        <source>Cash</source>
        <extracomment>HQ&apos;s answer once the card was credited (its ``entry`` holds the bonus) how the customer paid: cash, or the payment code&apos;s provider (wechat / alipay)</extracomment>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="322"/>
        <source>Payment code</source>
        <translation>Payment code</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="336"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="337"/>
        <location filename="../../ui/loyalty.py" line="366"/>
        <source>Cash received (￥)</source>
        <translation>Cash received (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="345"/>
        <source>from %1 get %2</source>
        <translation>from %1 get %2</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="347"/>
        <source>Bonus: %1</source>
        <translation>Bonus: %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="366"/>
        <source>Amount (￥)</source>
        <translation>Amount (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="367"/>
        <source>Scan the payment code (Enter)</source>
        <translation>Scan the payment code (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="387"/>
        <source>The card gets %1 (%2 bonus).</source>
        <translation>The card gets %1 (%2 bonus).</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="397"/>
        <source>Scan or type the card number.</source>
        <translation>Scan or type the card number.</translation>
    </message>
</context>
<context>
    <name>TopUpPaycodeDialog</name>
    <message>
        <location filename="../../ui/paycode.py" line="221"/>
        <source>Top up by payment code</source>
        <translation>Top up by payment code</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="242"/>
        <source>HQ refused the card (%1): the payment was refunded to the customer.</source>
        <extracomment>the attempt once the card was credited (its ``topup``)</extracomment>
        <translation>HQ refused the card (%1): the payment was refunded to the customer.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="244"/>
        <source>HQ refused the card (%1), and the provider refused the refund: refund it in cash with a manager.</source>
        <translation>HQ refused the card (%1), and the provider refused the refund: refund it in cash with a manager.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="247"/>
        <source>HQ refused the card (%1): the payment is being refunded to the customer.</source>
        <translation>HQ refused the card (%1): the payment is being refunded to the customer.</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="249"/>
        <location filename="../../ui/paycode.py" line="257"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="255"/>
        <source>Paid. Crediting the card at HQ… (if HQ is away, the store credits it as soon as HQ is back)</source>
        <translation>Paid. Crediting the card at HQ… (if HQ is away, the store credits it as soon as HQ is back)</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../ui/checkout.py" line="130"/>
        <source>Items</source>
        <extracomment>&quot;3*6901234567892&quot; sells three of the item. The promotion note under a line&apos;s name: the theme&apos;s accent for money off. Codes that mean &quot;the cashier must fix their credentials&quot;, not &quot;the command failed&quot;.</extracomment>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="131"/>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="132"/>
        <source>Discounts</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="133"/>
        <source>Rounding</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="162"/>
        <source>Still due</source>
        <extracomment>the member on this ticket (Ctrl+M): name, tier, points, stored value the sale whose change is showing, until the next ticket has an item</extracomment>
        <translation>Still due</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="162"/>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="170"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="135"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="134"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>WeightDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="230"/>
        <source>Enter the weight</source>
        <translation>Enter the weight</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="239"/>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="253"/>
        <source>Enter a weight greater than zero, e.g. 0.512</source>
        <translation>Enter a weight greater than zero, e.g. 0.512</translation>
    </message>
</context>
<context>
    <name>_Paper</name>
    <message>
        <location filename="../../ui/printer_preview.py" line="152"/>
        <source>[cash drawer opened]</source>
        <translation>[cash drawer opened]</translation>
    </message>
    <message>
        <location filename="../../ui/printer_preview.py" line="154"/>
        <source>[image %1]</source>
        <translation>[image %1]</translation>
    </message>
</context>
<context>
    <name>_ServerDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="89"/>
        <source>Enter an amount greater than zero.</source>
        <extracomment>the ticket as the server returned it, once the dialog&apos;s call succeeded</extracomment>
        <translation>Enter an amount greater than zero.</translation>
    </message>
</context>
<context>
    <name>board</name>
    <message>
        <location filename="../../ui/board.py" line="245"/>
        <source>Hand over %1</source>
        <translation>Hand over %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="246"/>
        <source>Hand over (Enter)</source>
        <translation>Hand over (Enter)</translation>
    </message>
</context>
</TS>
