<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="152"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="159"/>
        <source>Till (F12)</source>
        <translation>Till (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="164"/>
        <source>Log out (F10)</source>
        <translation>Log out (F10)</translation>
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
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/checkout.py" line="299"/>
        <source>Scan / code</source>
        <extracomment>The server says no shift is open on this till. Emitted with the receipt bytes after they went to the printer sink (for tests and logs). A sale was completed: (sale_id, change). F10: the cashier leaves the till. F11: 交班. Ctrl+S: the HQ sync page. the member on this ticket, as HQ showed them (coupons, cards); None for a walk-in</extracomment>
        <translation>Scan / code</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="303"/>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>Scan a barcode or type a code, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="345"/>
        <source>…
More</source>
        <translation>…
More</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="399"/>
        <source>Resumed the open ticket of this till.</source>
        <translation>Resumed the open ticket of this till.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="444"/>
        <source>Unexpected error: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="535"/>
        <source>Weighing…</source>
        <translation>Weighing…</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="545"/>
        <source>No steady weight on the scale: put the goods on it, or enter the weight.</source>
        <translation>No steady weight on the scale: put the goods on it, or enter the weight.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="575"/>
        <source>Finish this dialog first, then scan again.</source>
        <translation>Finish this dialog first, then scan again.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="603"/>
        <source>There is no line to change.</source>
        <translation>There is no line to change.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="605"/>
        <source>This line is already voided.</source>
        <translation>This line is already voided.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="634"/>
        <source>Voided: %1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="661"/>
        <source>Drawer opened (no sale).</source>
        <translation>Drawer opened (no sale).</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="665"/>
        <source>There is nothing to park.</source>
        <translation>There is nothing to park.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="678"/>
        <source>Ticket parked. Press F6 to resume it.</source>
        <translation>Ticket parked. Press F6 to resume it.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="687"/>
        <source>There is nothing to cancel.</source>
        <translation>There is nothing to cancel.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="706"/>
        <source>Cancel the whole ticket: %1 items, %2?</source>
        <translation>Cancel the whole ticket: %1 items, %2?</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="709"/>
        <source>%1 is paid already: it goes back to the customer.</source>
        <translation>%1 is paid already: it goes back to the customer.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="711"/>
        <source>Cancel ticket</source>
        <translation>Cancel ticket</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="711"/>
        <source>Cancel the ticket (Enter)</source>
        <translation>Cancel the ticket (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="718"/>
        <source>The ticket is cancelled.</source>
        <translation>The ticket is cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="720"/>
        <source>Give back %1 in cash.</source>
        <translation>Give back %1 in cash.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="725"/>
        <source>Park or finish the current ticket first.</source>
        <translation>Park or finish the current ticket first.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="743"/>
        <source>Ticket resumed.</source>
        <translation>Ticket resumed.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="757"/>
        <source>The ticket is empty: scan something first.</source>
        <translation>The ticket is empty: scan something first.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="809"/>
        <source>Sale %1 complete: change %2.</source>
        <translation>Sale %1 complete: change %2.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="819"/>
        <source>The receipt was not printed: %1</source>
        <translation>The receipt was not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="841"/>
        <source>No sale to reprint yet.</source>
        <translation>No sale to reprint yet.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="845"/>
        <source>Receipt %1 reprinted.</source>
        <translation>Receipt %1 reprinted.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="866"/>
        <source>Scan the goods first, then the coupon.</source>
        <translation>Scan the goods first, then the coupon.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="875"/>
        <location filename="../../ui/checkout.py" line="897"/>
        <source>There is nothing to pay yet.</source>
        <translation>There is nothing to pay yet.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="890"/>
        <source>Stored value taken; %1 still due.</source>
        <translation>Stored value taken; %1 still due.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="943"/>
        <source>Return %1: refund %2 in cash</source>
        <translation>Return %1: refund %2 in cash</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="946"/>
        <source>, %1 back to the card</source>
        <translation>, %1 back to the card</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="948"/>
        <source>, %1 back as points</source>
        <translation>, %1 back as points</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="900"/>
        <source>Attach the member first (Ctrl+M).</source>
        <translation>Attach the member first (Ctrl+M).</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="961"/>
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
        <location filename="../../ui/loyalty.py" line="192"/>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="192"/>
        <source>Use coupon (Enter)</source>
        <translation>Use coupon (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="196"/>
        <source>Coupon code</source>
        <translation>Coupon code</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="215"/>
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
        <location filename="../../ui/loyalty.py" line="556"/>
        <source>Sell a gift card</source>
        <translation>Sell a gift card</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="556"/>
        <source>Add (Enter)</source>
        <translation>Add (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="564"/>
        <source>Scan the barcode on the back of the card</source>
        <translation>Scan the card&apos;s back</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="567"/>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="579"/>
        <source>Scan or type the card number.</source>
        <translation>Scan or type the card number.</translation>
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
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="61"/>
        <source>OmniStore checkout</source>
        <translation>OmniStore checkout</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="65"/>
        <source>Till %1</source>
        <translation>Till %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="71"/>
        <source>Operator code</source>
        <translation>Operator code</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="74"/>
        <location filename="../../ui/screens.py" line="79"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="78"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="85"/>
        <source>Log in (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="89"/>
        <source>Hardware diagnostics (F2)</source>
        <translation>Hardware diagnostics (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="129"/>
        <source>Enter your operator code.</source>
        <translation>Enter your operator code.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="133"/>
        <source>Enter your PIN.</source>
        <translation>Enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="137"/>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="114"/>
        <source>OmniStore checkout</source>
        <extracomment>whose login opens the back office (a supervisor sees the modules their role allows) the till&apos;s data directory: its devices.json, print queues and logs</extracomment>
        <translation>OmniStore checkout</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="166"/>
        <source>Till: %1</source>
        <extracomment>the back office of a manager or supervisor logged in (built at their login)</extracomment>
        <translation>Till: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="174"/>
        <location filename="../../ui/app.py" line="380"/>
        <source>HQ sync (Ctrl+S)</source>
        <translation>HQ sync (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="193"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="201"/>
        <source>cashier</source>
        <translation>cashier</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="201"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="201"/>
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="203"/>
        <source>Operator: %1 (%2)</source>
        <translation>Operator: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="319"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="405"/>
        <source>Printer: OK</source>
        <translation>Printer: OK</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="407"/>
        <source>Printer: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="409"/>
        <source>Printer: status unknown</source>
        <translation>Printer: status unknown</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="431"/>
        <source>Server: online</source>
        <translation>Server: online</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="431"/>
        <source>Server: OFFLINE</source>
        <translation>Server: OFFLINE</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="183"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="36"/>
        <source>Regular member</source>
        <translation>Regular member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="37"/>
        <source>Silver member</source>
        <translation>Silver member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="38"/>
        <source>Gold member</source>
        <translation>Gold member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="39"/>
        <source>Diamond member</source>
        <translation>Diamond member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="47"/>
        <source>Points %1</source>
        <translation>Points %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="48"/>
        <source>Stored value %1</source>
        <translation>Stored value %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="51"/>
        <source> (%1 expire on %2)</source>
        <translation> (%1 expire on %2)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="120"/>
        <location filename="../../ui/loyalty.py" line="127"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="120"/>
        <source>Find (Enter)</source>
        <translation>Find (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="125"/>
        <source>Member code, phone or card number</source>
        <translation>Member code, phone or card number</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="129"/>
        <source>Name (only to register)</source>
        <translation>Name (only to register)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="130"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="141"/>
        <source>Register this phone</source>
        <translation>Register this phone</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="163"/>
        <source>Scan the member code or type a phone or card number.</source>
        <translation>Scan the member code or type a phone or card number.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="177"/>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="180"/>
        <source>Recent: %1</source>
        <translation>Recent: %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="182"/>
        <source>No purchases yet.</source>
        <translation>No purchases yet.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="183"/>
        <source>Attach to ticket (Enter)</source>
        <translation>Attach to ticket (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="184"/>
        <source>Member found.</source>
        <translation>Member found.</translation>
    </message>
</context>
<context>
    <name>NoReceiptReturnDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="473"/>
        <source>Return without receipt</source>
        <translation>Return without receipt</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="473"/>
        <source>Refund (Enter)</source>
        <translation>Refund (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="476"/>
        <source>Refunded in cash at today&apos;s shelf price, without promotions. A manager must allow it.</source>
        <extracomment>(code, quantity) coming back, once the cashier confirms; the checkout runs the return</extracomment>
        <translation>Refunded in cash at today&apos;s shelf price, without promotions. A manager must allow it.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="482"/>
        <source>Scan each item coming back</source>
        <translation>Scan each item coming back</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="484"/>
        <location filename="../../ui/loyalty.py" line="488"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="486"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="488"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="488"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="511"/>
        <source>%1 is sold by weight: it can only come back with its receipt.</source>
        <translation>%1 is sold by weight: it can only come back with its receipt.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="530"/>
        <source>Refund %1 in cash</source>
        <translation>Refund %1 in cash</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="545"/>
        <source>Scan what comes back first.</source>
        <translation>Scan what comes back first.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="478"/>
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
        <location filename="../../ui/dialogs.py" line="480"/>
        <source>This needs a supervisor or a manager: %1</source>
        <translation>This needs a supervisor or a manager: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="481"/>
        <source>This needs authorisation: %1</source>
        <translation>This needs authorisation: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="486"/>
        <source>void a line</source>
        <translation>void a line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="487"/>
        <source>change a price</source>
        <translation>change a price</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="488"/>
        <source>open the drawer without a sale</source>
        <translation>open the drawer without a sale</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="489"/>
        <source>open hardware diagnostics</source>
        <translation>open hardware diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="490"/>
        <source>cancel the whole ticket</source>
        <translation>cancel the whole ticket</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="491"/>
        <source>refund above the store&apos;s limit</source>
        <translation>refund above the store&apos;s limit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="492"/>
        <source>take goods back without a receipt</source>
        <translation>take goods back without a receipt</translation>
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
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="117"/>
        <source>This module is not available in this version yet.</source>
        <translation>This module is not available in this version yet.</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="302"/>
        <source>Pay with points</source>
        <translation>Pay with points</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="302"/>
        <source>Pay (Enter)</source>
        <translation>Pay (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="306"/>
        <source>%1 points: up to %2 (%3 points = %4)</source>
        <translation>%1 points: up to %2 (%3 points = %4)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="313"/>
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
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="345"/>
        <location filename="../../ui/loyalty.py" line="372"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="345"/>
        <location filename="../../ui/loyalty.py" line="393"/>
        <source>Find sale (Enter)</source>
        <translation>Find sale (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="352"/>
        <source>Scan the receipt barcode, or type the amount, member or goods code</source>
        <extracomment>(line id, quantity) to bring back, once the cashier confirms; the checkout runs the return</extracomment>
        <translation>Scan the receipt barcode, or type the amount, member or goods code</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="355"/>
        <location filename="../../ui/loyalty.py" line="365"/>
        <source>Sale</source>
        <extracomment>查单: the day&apos;s sales that match what was typed, when there is no receipt barcode to scan</extracomment>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="360"/>
        <source>Sold on</source>
        <translation>Sold on</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="362"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="365"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="365"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="365"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="372"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="372"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="372"/>
        <source>Can return</source>
        <translation>Can return</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="377"/>
        <source>No receipt…</source>
        <extracomment>the cashier chose 无小票退货 instead: the checkout opens that dialog</extracomment>
        <translation>No receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="404"/>
        <source>Scan the receipt barcode or type the sale number.</source>
        <translation>Scan the receipt barcode or type the sale number.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="417"/>
        <source>Choose how many of which item come back.</source>
        <translation>Choose how many of which item come back.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="434"/>
        <source>%1 sales match: pick one (Enter).</source>
        <translation>%1 sales match: pick one (Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="436"/>
        <source>No sale of that day matches.</source>
        <translation>No sale of that day matches.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="451"/>
        <source>Gift cards sold are not taken back.</source>
        <translation>Gift cards sold are not taken back.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="460"/>
        <source>Refund (Enter)</source>
        <translation>Refund (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="462"/>
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
    <name>ShiftCloseScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="233"/>
        <source>Over</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="235"/>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="236"/>
        <source>Balanced</source>
        <translation>Balanced</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="253"/>
        <source>Close shift</source>
        <extracomment>Back to the checkout without closing. The shift is closed (ShiftClose); the cashier has seen the result. &quot;Done&quot;: the cashier leaves the till.</extracomment>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="269"/>
        <source>Cash counted (￥)</source>
        <translation>Cash counted (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="275"/>
        <source>Expected in drawer</source>
        <translation>Expected in drawer</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="276"/>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="292"/>
        <source>Back to checkout (Esc)</source>
        <translation>Back to checkout (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="295"/>
        <source>Close shift (Enter)</source>
        <translation>Close shift (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="298"/>
        <source>Done, log out (Enter)</source>
        <translation>Done, log out (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="313"/>
        <source>%1, count the cash in the drawer and enter the total. The expected amount is shown after you close.</source>
        <translation>%1, count the cash in the drawer and enter the total. The expected amount is shown after you close.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="356"/>
        <source>Enter the cash counted, such as 1268.50 (0 for an empty drawer).</source>
        <translation>Enter the cash counted, such as 1268.50 (0 for an empty drawer).</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="361"/>
        <source>Closing the shift…</source>
        <translation>Closing the shift…</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="381"/>
        <source>The shift is closed.</source>
        <translation>The shift is closed.</translation>
    </message>
</context>
<context>
    <name>ShiftOpenScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="163"/>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="175"/>
        <source>Float (￥)</source>
        <translation>Float (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="182"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="185"/>
        <source>Open shift (Enter)</source>
        <translation>Open shift (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="196"/>
        <source>%1, count the float into the drawer.</source>
        <translation>%1, count the float into the drawer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="214"/>
        <source>Enter the float as an amount, such as 500 or 200.50.</source>
        <translation>Enter the float as an amount, such as 500 or 200.50.</translation>
    </message>
</context>
<context>
    <name>StoreClient</name>
    <message>
        <location filename="../../ui/api.py" line="324"/>
        <source>The store server cannot be reached. Check the network.</source>
        <extracomment>(connect, read) seconds. A till must say &quot;offline&quot; quickly rather than hang a scan. the promotion that priced the line (第2件5折), or 改价 with the shelf price the shelf price; a line priced by hand (改价) has another ``unit_price`` what the promotions took off the lines (already out of ``subtotal``), as the server priced them still due by a tender other than cash: exact fen, 抹零 applies only to cash A store server without the sync endpoints (or not enrolled with HQ) reports this.</extracomment>
        <translation>The store server cannot be reached. Check the network.</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="341"/>
        <source>The server refused the request (%1).</source>
        <translation>The server refused the request (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="348"/>
        <source>The server sent an unreadable answer.</source>
        <translation>The server sent an unreadable answer.</translation>
    </message>
</context>
<context>
    <name>StoredValueDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="225"/>
        <source>Pay with stored value</source>
        <translation>Pay with stored value</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="225"/>
        <source>Pay (Enter)</source>
        <translation>Pay (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="233"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="234"/>
        <source>Amount (￥)</source>
        <translation>Amount (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="274"/>
        <source>Balance %1</source>
        <translation>Balance %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="284"/>
        <source>The card pays %1; the rest is paid another way.</source>
        <translation>The card pays %1; the rest is paid another way.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="276"/>
        <source>(valid until %1)</source>
        <translation>(valid until %1)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="279"/>
        <source>This gift card has expired; it cannot pay.</source>
        <translation>This gift card has expired; it cannot pay.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="281"/>
        <source>The card is empty.</source>
        <translation>The card is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="290"/>
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
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="100"/>
        <source>Return goods of an earlier sale</source>
        <translation>Return goods of an earlier sale</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="102"/>
        <source>HQ sync</source>
        <translation>HQ sync</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="103"/>
        <source>HQ sync status and stuck uploads</source>
        <translation>HQ sync status and stuck uploads</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="105"/>
        <source>Select a line</source>
        <translation>Select a line</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="106"/>
        <source>Type 3* before a code to sell 3 of it</source>
        <translation>Type 3* before a code to sell 3 of it</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../ui/checkout.py" line="128"/>
        <source>Items</source>
        <extracomment>&quot;3*6901234567892&quot; sells three of the item. The promotion note under a line&apos;s name: the theme&apos;s accent for money off. Codes that mean &quot;the cashier must fix their credentials&quot;, not &quot;the command failed&quot;.</extracomment>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="129"/>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="130"/>
        <source>Discounts</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="131"/>
        <source>Rounding</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="160"/>
        <source>Still due</source>
        <extracomment>the member on this ticket (Ctrl+M): name, tier, points, stored value the sale whose change is showing, until the next ticket has an item</extracomment>
        <translation>Still due</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="160"/>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="168"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="133"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="132"/>
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
        <location filename="../../ui/loyalty.py" line="86"/>
        <source>Enter an amount greater than zero.</source>
        <extracomment>the ticket as the server returned it, once the dialog&apos;s call succeeded</extracomment>
        <translation>Enter an amount greater than zero.</translation>
    </message>
</context>
</TS>
