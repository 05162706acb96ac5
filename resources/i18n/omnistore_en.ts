<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CashTenderDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="285" />
        <source>Cash payment</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="285" />
        <source>Pay (Enter)</source>
        <translation>Pay (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="289" />
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="297" />
        <source>Already paid: %1</source>
        <translation>Already paid: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="299" />
        <source>Cash received (¥)</source>
        <translation>Cash received (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="311" />
        <source>Exact</source>
        <translation>Exact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="336" />
        <source>Enter the cash received, such as 100 or 52.50.</source>
        <translation>Enter the cash received, such as 100 or 52.50.</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="350" />
        <source>Sale complete</source>
        <translation>Sale complete</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="350" />
        <source>Next customer (Enter)</source>
        <translation>Next customer (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="352" />
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="360" />
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="362" />
        <source>Rounding %1</source>
        <translation>Rounding %1</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/checkout.py" line="152" />
        <source>Scan / code</source>
        <extracomment>The server says no shift is open on this till. Emitted with the receipt bytes after they went to the printer sink (for tests and logs). A sale was completed: (sale_id, change).</extracomment>
        <translation>Scan / code</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="156" />
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>Scan a barcode or type a code, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="176" />
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="177" />
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="178" />
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="179" />
        <source>Void line</source>
        <translation>Void line</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="180" />
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="181" />
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="182" />
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="183" />
        <source>No sale</source>
        <translation>No sale</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="184" />
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="235" />
        <source>Resumed the open ticket of this till.</source>
        <translation>Resumed the open ticket of this till.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="276" />
        <source>Unexpected error: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="351" />
        <source>Finish this dialog first, then scan again.</source>
        <translation>Finish this dialog first, then scan again.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="370" />
        <source>There is no line to change.</source>
        <translation>There is no line to change.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="372" />
        <source>This line is already voided.</source>
        <translation>This line is already voided.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="401" />
        <source>Voided: %1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="422" />
        <source>Drawer opened (no sale).</source>
        <translation>Drawer opened (no sale).</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="426" />
        <source>There is nothing to park.</source>
        <translation>There is nothing to park.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="439" />
        <source>Ticket parked. Press F6 to resume it.</source>
        <translation>Ticket parked. Press F6 to resume it.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="445" />
        <source>Park or finish the current ticket first.</source>
        <translation>Park or finish the current ticket first.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="463" />
        <source>Ticket resumed.</source>
        <translation>Ticket resumed.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="477" />
        <source>The ticket is empty: scan something first.</source>
        <translation>The ticket is empty: scan something first.</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="519" />
        <source>The receipt was not printed: %1</source>
        <translation>The receipt was not printed: %1</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/models.py" line="95" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="95" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="96" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="96" />
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="97" />
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="97" />
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="98" />
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="98" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="99" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="99" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="83" />
        <location filename="../../ui/dialogs.py" line="87" />
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="83" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="88" />
        <source>Search products by name, pinyin initials or code</source>
        <translation>Search products by name, pinyin initials or code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="89" />
        <source>Change the quantity of the selected line</source>
        <translation>Change the quantity of the selected line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="90" />
        <source>Void the selected line</source>
        <translation>Void the selected line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="91" />
        <source>Park the ticket (hold it for later)</source>
        <translation>Park the ticket (hold it for later)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92" />
        <source>Resume a parked ticket</source>
        <translation>Resume a parked ticket</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="93" />
        <source>Override the price of the selected line</source>
        <translation>Override the price of the selected line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="94" />
        <source>Open the cash drawer (no sale)</source>
        <translation>Open the cash drawer (no sale)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="95" />
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="96" />
        <source>Select a line</source>
        <translation>Select a line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="97" />
        <source>Type 3* before a code to sell 3 of it</source>
        <translation>Type 3* before a code to sell 3 of it</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../ui/widgets.py" line="52" />
        <source>Clear</source>
        <extracomment>The OK key was pressed.</extracomment>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="53" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="56" />
        <source>OmniStore checkout</source>
        <translation>OmniStore checkout</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="60" />
        <source>Till %1</source>
        <translation>Till %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="66" />
        <source>Operator code</source>
        <translation>Operator code</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="69" />
        <location filename="../../ui/screens.py" line="74" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="73" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="80" />
        <source>Log in (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="116" />
        <source>Enter your operator code.</source>
        <translation>Enter your operator code.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="120" />
        <source>Enter your PIN.</source>
        <translation>Enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="124" />
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="95" />
        <source>OmniStore checkout</source>
        <translation>OmniStore checkout</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="125" />
        <source>Till: %1</source>
        <translation>Till: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="134" />
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="142" />
        <source>cashier</source>
        <translation>cashier</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="142" />
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="142" />
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="144" />
        <source>Operator: %1 (%2)</source>
        <translation>Operator: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188" />
        <source>Server: online</source>
        <translation>Server: online</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188" />
        <source>Server: OFFLINE</source>
        <translation>Server: OFFLINE</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="373" />
        <source>Manager override</source>
        <translation>Manager override</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="373" />
        <source>Authorize (Enter)</source>
        <translation>Authorize (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="376" />
        <source>This needs a manager: %1</source>
        <translation>This needs a manager: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="387" />
        <source>Manager code</source>
        <translation>Manager code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="388" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="448" />
        <source>void a line</source>
        <translation>void a line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="449" />
        <source>change a price</source>
        <translation>change a price</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="450" />
        <source>open the drawer without a sale</source>
        <translation>open the drawer without a sale</translation>
    </message>
</context>
<context>
    <name>PaperRollWindow</name>
    <message>
        <location filename="../../ui/printer_preview.py" line="237" />
        <source>Receipt printer simulator</source>
        <translation>Receipt printer simulator</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printer_preview.py" line="277" />
        <source>%n job(s) printed</source>
        <translation><numerusform>%n job printed</numerusform><numerusform>%n jobs printed</numerusform></translation>
    </message>
</context>
<context>
    <name>ParkedTicketsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="420" />
        <source>Parked tickets</source>
        <translation>Parked tickets</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="420" />
        <source>Resume (Enter)</source>
        <translation>Resume (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="433" />
        <source>No parked tickets.</source>
        <translation>No parked tickets.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="440" />
        <source>Choose a ticket first.</source>
        <translation>Choose a ticket first.</translation>
    </message>
</context>
<context>
    <name>PosDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="50" />
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="54" />
        <source>OK (Enter)</source>
        <translation>OK (Enter)</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="229" />
        <source>Override price</source>
        <translation>Override price</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="233" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="234" />
        <source>Current price</source>
        <translation>Current price</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="238" />
        <source>New price (¥)</source>
        <translation>New price (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="251" />
        <source>Enter a price such as 12.50.</source>
        <translation>Enter a price such as 12.50.</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="115" />
        <source>Search products</source>
        <translation>Search products</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115" />
        <source>Add (Enter)</source>
        <translation>Add (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="121" />
        <source>Name, pinyin initials (e.g. kkkl) or code</source>
        <translation>Name, pinyin initials (e.g. kkkl) or code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162" />
        <source>No product matches.</source>
        <translation>No product matches.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="182" />
        <source>Choose a product first.</source>
        <translation>Choose a product first.</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="192" />
        <source>Change quantity</source>
        <translation>Change quantity</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="198" />
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="204" />
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="204" />
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="218" />
        <source>Enter a quantity greater than zero.</source>
        <translation>Enter a quantity greater than zero.</translation>
    </message>
</context>
<context>
    <name>ShiftOpenScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="150" />
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="162" />
        <source>Float (¥)</source>
        <translation>Float (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="169" />
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="172" />
        <source>Open shift (Enter)</source>
        <translation>Open shift (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="183" />
        <source>%1, count the float into the drawer.</source>
        <translation>%1, count the float into the drawer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="201" />
        <source>Enter the float as an amount, such as 500 or 200.50.</source>
        <translation>Enter the float as an amount, such as 500 or 200.50.</translation>
    </message>
</context>
<context>
    <name>StoreClient</name>
    <message>
        <location filename="../../ui/api.py" line="218" />
        <source>The store server cannot be reached. Check the network.</source>
        <extracomment>(connect, read) seconds. A till must say "offline" quickly rather than hang a scan.</extracomment>
        <translation>The store server cannot be reached. Check the network.</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="235" />
        <source>The server refused the request (%1).</source>
        <translation>The server refused the request (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="242" />
        <source>The server sent an unreadable answer.</source>
        <translation>The server sent an unreadable answer.</translation>
    </message>
</context>
<context>
    <name>TicketLinesModel</name>
    <message>
        <location filename="../../ui/models.py" line="147" />
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../ui/checkout.py" line="80" />
        <source>Items</source>
        <extracomment>"3*6901234567892" sells three of the item. Codes that mean "the cashier must fix their credentials", not "the command failed".</extracomment>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="81" />
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="82" />
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="83" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>_Paper</name>
    <message>
        <location filename="../../ui/printer_preview.py" line="152" />
        <source>[cash drawer opened]</source>
        <translation>[cash drawer opened]</translation>
    </message>
    <message>
        <location filename="../../ui/printer_preview.py" line="154" />
        <source>[image %1]</source>
        <translation>[image %1]</translation>
    </message>
</context>
</TS>