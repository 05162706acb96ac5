<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CashTenderDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="285" />
        <source>Cash payment</source>
        <translation>现金收款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="285" />
        <source>Pay (Enter)</source>
        <translation>收款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="289" />
        <source>Amount due</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="297" />
        <source>Already paid: %1</source>
        <translation>已付：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="299" />
        <source>Cash received (¥)</source>
        <translation>实收现金 (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="311" />
        <source>Exact</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="336" />
        <source>Enter the cash received, such as 100 or 52.50.</source>
        <translation>请输入实收金额，如 100 或 52.50。</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="350" />
        <source>Sale complete</source>
        <translation>交易完成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="350" />
        <source>Next customer (Enter)</source>
        <translation>下一位顾客 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="352" />
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="360" />
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="362" />
        <source>Rounding %1</source>
        <translation>抹零 %1</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/checkout.py" line="152" />
        <source>Scan / code</source>
        <extracomment>The server says no shift is open on this till. Emitted with the receipt bytes after they went to the printer sink (for tests and logs). A sale was completed: (sale_id, change).</extracomment>
        <translation>扫码/编码</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="156" />
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>扫描条码或输入编码后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="176" />
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="177" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="178" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="179" />
        <source>Void line</source>
        <translation>删行</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="180" />
        <source>Park</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="181" />
        <source>Resume</source>
        <translation>取单</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="182" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="183" />
        <source>No sale</source>
        <translation>开钱箱</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="184" />
        <source>Pay</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="235" />
        <source>Resumed the open ticket of this till.</source>
        <translation>已恢复本机未完成的小票。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="276" />
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="351" />
        <source>Finish this dialog first, then scan again.</source>
        <translation>请先完成当前窗口，再重新扫码。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="370" />
        <source>There is no line to change.</source>
        <translation>没有可操作的商品行。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="372" />
        <source>This line is already voided.</source>
        <translation>该商品行已删除。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="401" />
        <source>Voided: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="422" />
        <source>Drawer opened (no sale).</source>
        <translation>钱箱已打开（无交易）。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="426" />
        <source>There is nothing to park.</source>
        <translation>没有可挂起的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="439" />
        <source>Ticket parked. Press F6 to resume it.</source>
        <translation>已挂单，按 F6 取单。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="445" />
        <source>Park or finish the current ticket first.</source>
        <translation>请先挂起或结算当前小票。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="463" />
        <source>Ticket resumed.</source>
        <translation>已取单。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="477" />
        <source>The ticket is empty: scan something first.</source>
        <translation>小票为空，请先扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="519" />
        <source>The receipt was not printed: %1</source>
        <translation>小票未打印：%1</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/models.py" line="95" />
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="95" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="96" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="96" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="97" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="97" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="98" />
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="98" />
        <source>Ticket</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="99" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="99" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="83" />
        <location filename="../../ui/dialogs.py" line="87" />
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="83" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="88" />
        <source>Search products by name, pinyin initials or code</source>
        <translation>按名称、拼音首字母或编码查询商品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="89" />
        <source>Change the quantity of the selected line</source>
        <translation>修改所选商品的数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="90" />
        <source>Void the selected line</source>
        <translation>删除所选商品行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="91" />
        <source>Park the ticket (hold it for later)</source>
        <translation>挂单（暂存小票，稍后结算）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92" />
        <source>Resume a parked ticket</source>
        <translation>取回挂起的小票</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="93" />
        <source>Override the price of the selected line</source>
        <translation>修改所选商品的单价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="94" />
        <source>Open the cash drawer (no sale)</source>
        <translation>打开钱箱（无交易）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="95" />
        <source>Pay</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="96" />
        <source>Select a line</source>
        <translation>选择商品行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="97" />
        <source>Type 3* before a code to sell 3 of it</source>
        <translation>在编码前输入 3* 即售出 3 件</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../ui/widgets.py" line="52" />
        <source>Clear</source>
        <extracomment>The OK key was pressed.</extracomment>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="53" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="56" />
        <source>OmniStore checkout</source>
        <translation>OmniStore 收银</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="60" />
        <source>Till %1</source>
        <translation>收银台 %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="66" />
        <source>Operator code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="69" />
        <location filename="../../ui/screens.py" line="74" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="73" />
        <source>Operator</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="80" />
        <source>Log in (Enter)</source>
        <translation>登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="116" />
        <source>Enter your operator code.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="120" />
        <source>Enter your PIN.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="124" />
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="95" />
        <source>OmniStore checkout</source>
        <translation>OmniStore 收银</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="125" />
        <source>Till: %1</source>
        <translation>收银台：%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="134" />
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="142" />
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="142" />
        <source>supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="142" />
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="144" />
        <source>Operator: %1 (%2)</source>
        <translation>操作员：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188" />
        <source>Server: online</source>
        <translation>服务器：在线</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188" />
        <source>Server: OFFLINE</source>
        <translation>服务器：离线</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="373" />
        <source>Manager override</source>
        <translation>主管授权</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="373" />
        <source>Authorize (Enter)</source>
        <translation>授权 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="376" />
        <source>This needs a manager: %1</source>
        <translation>此操作需要主管授权：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="387" />
        <source>Manager code</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="388" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="448" />
        <source>void a line</source>
        <translation>删除商品行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="449" />
        <source>change a price</source>
        <translation>修改单价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="450" />
        <source>open the drawer without a sale</source>
        <translation>无交易开钱箱</translation>
    </message>
</context>
<context>
    <name>PaperRollWindow</name>
    <message>
        <location filename="../../ui/printer_preview.py" line="237" />
        <source>Receipt printer simulator</source>
        <translation>小票打印机模拟器</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printer_preview.py" line="277" />
        <source>%n job(s) printed</source>
        <translation><numerusform>已打印 %n 张</numerusform></translation>
    </message>
</context>
<context>
    <name>ParkedTicketsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="420" />
        <source>Parked tickets</source>
        <translation>挂单列表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="420" />
        <source>Resume (Enter)</source>
        <translation>取单 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="433" />
        <source>No parked tickets.</source>
        <translation>没有挂起的小票。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="440" />
        <source>Choose a ticket first.</source>
        <translation>请先选择一张小票。</translation>
    </message>
</context>
<context>
    <name>PosDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="50" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="54" />
        <source>OK (Enter)</source>
        <translation>确定 (Enter)</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="229" />
        <source>Override price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="233" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="234" />
        <source>Current price</source>
        <translation>原单价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="238" />
        <source>New price (¥)</source>
        <translation>新单价 (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="251" />
        <source>Enter a price such as 12.50.</source>
        <translation>请输入价格，如 12.50。</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="115" />
        <source>Search products</source>
        <translation>商品查询</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115" />
        <source>Add (Enter)</source>
        <translation>添加 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="121" />
        <source>Name, pinyin initials (e.g. kkkl) or code</source>
        <translation>名称、拼音首字母（如 kkkl）或编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162" />
        <source>No product matches.</source>
        <translation>没有匹配的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="182" />
        <source>Choose a product first.</source>
        <translation>请先选择商品。</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="192" />
        <source>Change quantity</source>
        <translation>修改数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="198" />
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="204" />
        <source>Weight (kg)</source>
        <translation>重量 (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="204" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="218" />
        <source>Enter a quantity greater than zero.</source>
        <translation>请输入大于零的数量。</translation>
    </message>
</context>
<context>
    <name>ShiftOpenScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="150" />
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="162" />
        <source>Float (¥)</source>
        <translation>备用金 (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="169" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="172" />
        <source>Open shift (Enter)</source>
        <translation>开班 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="183" />
        <source>%1, count the float into the drawer.</source>
        <translation>%1，请清点备用金放入钱箱。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="201" />
        <source>Enter the float as an amount, such as 500 or 200.50.</source>
        <translation>请输入备用金金额，如 500 或 200.50。</translation>
    </message>
</context>
<context>
    <name>StoreClient</name>
    <message>
        <location filename="../../ui/api.py" line="218" />
        <source>The store server cannot be reached. Check the network.</source>
        <extracomment>(connect, read) seconds. A till must say "offline" quickly rather than hang a scan.</extracomment>
        <translation>无法连接门店服务器，请检查网络。</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="235" />
        <source>The server refused the request (%1).</source>
        <translation>服务器拒绝了请求（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="242" />
        <source>The server sent an unreadable answer.</source>
        <translation>服务器返回了无法识别的数据。</translation>
    </message>
</context>
<context>
    <name>TicketLinesModel</name>
    <message>
        <location filename="../../ui/models.py" line="147" />
        <source>Voided</source>
        <translation>已删除</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../ui/checkout.py" line="80" />
        <source>Items</source>
        <extracomment>"3*6901234567892" sells three of the item. Codes that mean "the cashier must fix their credentials", not "the command failed".</extracomment>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="81" />
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="82" />
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="83" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>_Paper</name>
    <message>
        <location filename="../../ui/printer_preview.py" line="152" />
        <source>[cash drawer opened]</source>
        <translation>[钱箱已打开]</translation>
    </message>
    <message>
        <location filename="../../ui/printer_preview.py" line="154" />
        <source>[image %1]</source>
        <translation>[图片 %1]</translation>
    </message>
</context>
</TS>