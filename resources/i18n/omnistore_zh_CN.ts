<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackOffice</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="93"/>
        <source>Overview</source>
        <extracomment>the touch-friendly height of a row in the module list (px) prints ESC/POS bytes on the till&apos;s receipt printer (queued; called on the worker thread) the till&apos;s label printer, when it has one (``devices.json``) opens the diagnostics window of the till&apos;s devices goes to the till and starts its return flow (退货) for a sale switches the app&apos;s language (设置 → 语言) and rebuilds the back office in it the least senior role that sees the module</extracomment>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="94"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="95"/>
        <source>Shifts and day close</source>
        <translation>交班与日结</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="96"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="97"/>
        <source>Shelf labels</source>
        <translation>价签</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="98"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="99"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="100"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="101"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="152"/>
        <source>Back office</source>
        <translation>后台</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="159"/>
        <source>Till (F12)</source>
        <translation>收银 (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="164"/>
        <source>Log out (F10)</source>
        <translation>退出 (F10)</translation>
    </message>
</context>
<context>
    <name>CashTenderDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="313"/>
        <source>Cash payment</source>
        <translation>现金收款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="313"/>
        <source>Pay (Enter)</source>
        <translation>收款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="317"/>
        <source>Amount due</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="325"/>
        <source>Already paid: %1</source>
        <translation>已付：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="327"/>
        <source>Cash received (￥)</source>
        <translation>实收现金 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="339"/>
        <source>Exact</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="364"/>
        <source>Enter the cash received, such as 100 or 52.50.</source>
        <translation>请输入实收金额，如 100 或 52.50。</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/checkout.py" line="299"/>
        <source>Scan / code</source>
        <extracomment>The server says no shift is open on this till. Emitted with the receipt bytes after they went to the printer sink (for tests and logs). A sale was completed: (sale_id, change). F10: the cashier leaves the till. F11: 交班. Ctrl+S: the HQ sync page. the member on this ticket, as HQ showed them (coupons, cards); None for a walk-in</extracomment>
        <translation>扫码/编码</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="303"/>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>扫描条码或输入编码后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="345"/>
        <source>…
More</source>
        <translation>…
更多</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="399"/>
        <source>Resumed the open ticket of this till.</source>
        <translation>已恢复本机未完成的小票。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="444"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="535"/>
        <source>Weighing…</source>
        <translation>正在称重…</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="545"/>
        <source>No steady weight on the scale: put the goods on it, or enter the weight.</source>
        <translation>秤上没有稳定的重量：请把商品放上秤，或输入重量。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="575"/>
        <source>Finish this dialog first, then scan again.</source>
        <translation>请先完成当前窗口，再重新扫码。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="603"/>
        <source>There is no line to change.</source>
        <translation>没有可操作的商品行。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="605"/>
        <source>This line is already voided.</source>
        <translation>该商品行已删除。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="634"/>
        <source>Voided: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="661"/>
        <source>Drawer opened (no sale).</source>
        <translation>钱箱已打开（无交易）。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="665"/>
        <source>There is nothing to park.</source>
        <translation>没有可挂起的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="678"/>
        <source>Ticket parked. Press F6 to resume it.</source>
        <translation>已挂单，按 F6 取单。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="687"/>
        <source>There is nothing to cancel.</source>
        <translation>没有可取消的单据。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="706"/>
        <source>Cancel the whole ticket: %1 items, %2?</source>
        <translation>整单取消：共 %1 件，合计 %2？</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="709"/>
        <source>%1 is paid already: it goes back to the customer.</source>
        <translation>已收款 %1，将退还顾客。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="711"/>
        <source>Cancel ticket</source>
        <translation>整单取消</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="711"/>
        <source>Cancel the ticket (Enter)</source>
        <translation>确认整单取消 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="718"/>
        <source>The ticket is cancelled.</source>
        <translation>已整单取消。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="720"/>
        <source>Give back %1 in cash.</source>
        <translation>请退还现金 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="725"/>
        <source>Park or finish the current ticket first.</source>
        <translation>请先挂起或结算当前小票。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="743"/>
        <source>Ticket resumed.</source>
        <translation>已取单。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="757"/>
        <source>The ticket is empty: scan something first.</source>
        <translation>小票为空，请先扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="809"/>
        <source>Sale %1 complete: change %2.</source>
        <translation>交易 %1 完成，找零 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="819"/>
        <source>The receipt was not printed: %1</source>
        <translation>小票未打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="841"/>
        <source>No sale to reprint yet.</source>
        <translation>还没有可重打的小票</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="845"/>
        <source>Receipt %1 reprinted.</source>
        <translation>已重打小票 %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="866"/>
        <source>Scan the goods first, then the coupon.</source>
        <translation>请先扫商品，再用券。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="875"/>
        <location filename="../../ui/checkout.py" line="897"/>
        <source>There is nothing to pay yet.</source>
        <translation>还没有需要支付的金额。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="890"/>
        <source>Stored value taken; %1 still due.</source>
        <translation>储值已扣款，还需收 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="943"/>
        <source>Return %1: refund %2 in cash</source>
        <translation>退货 %1：现金退款 %2</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="946"/>
        <source>, %1 back to the card</source>
        <translation>，%1 退回储值卡</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="948"/>
        <source>, %1 back as points</source>
        <translation>，%1 退回积分</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="900"/>
        <source>Attach the member first (Ctrl+M).</source>
        <translation>请先关联会员（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="961"/>
        <source>The return slip was not printed: %1</source>
        <translation>退货单未打印：%1</translation>
    </message>
</context>
<context>
    <name>ClosePage</name>
    <message>
        <location filename="../../ui/backoffice/close.py" line="96"/>
        <location filename="../../ui/backoffice/close.py" line="143"/>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="102"/>
        <source>X report (F5)</source>
        <translation>X 报表 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="104"/>
        <source>Close the day (Z)…</source>
        <translation>日结 (Z)…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="108"/>
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="110"/>
        <source>Export XLSX</source>
        <translation>导出 XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="112"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="114"/>
        <source>Deposit…</source>
        <translation>缴款…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="132"/>
        <source>Pick a day and show its X report, or a Z below</source>
        <translation>选择营业日查看 X 报表，或在下方选择日结单</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="139"/>
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="139"/>
        <source>Taken</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="139"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="139"/>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="140"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="140"/>
        <location filename="../../ui/backoffice/close.py" line="141"/>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="140"/>
        <location filename="../../ui/backoffice/close.py" line="142"/>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="140"/>
        <location filename="../../ui/backoffice/close.py" line="142"/>
        <source>Over/short</source>
        <translation>长短款</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="141"/>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="141"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="141"/>
        <source>Float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="143"/>
        <source>Z</source>
        <translation>日结号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="143"/>
        <source>Net sales</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="143"/>
        <source>Counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="144"/>
        <source>Deposited</source>
        <translation>已缴款</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="154"/>
        <source>Days closed (last 60 days)</source>
        <translation>已日结（近 60 天）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="212"/>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="213"/>
        <source>Close business day %1? Every shift of it must be closed; a day closes once.</source>
        <translation>确定日结营业日 %1？所有班次须已交班；每天只能日结一次。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="226"/>
        <source>Day %1 closed: Z%2</source>
        <translation>营业日 %1 已日结：Z%2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="235"/>
        <source>Open the day&apos;s Z first: a deposit is made against a Z.</source>
        <translation>请先打开当天的日结单：缴款记在日结单上。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="256"/>
        <source>Deposit of %1 recorded, taken by %2</source>
        <translation>已记录缴款 %1，收款人 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="272"/>
        <source>This till has no receipt printer.</source>
        <translation>本收银台没有小票打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="281"/>
        <source>Sent to the printer: %1</source>
        <translation>已发送打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="293"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="303"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="321"/>
        <source>Z%1 · day %2 closed</source>
        <translation>日结 Z%1 · 营业日 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="324"/>
        <source>X report · day %1 so far (nothing closed)</source>
        <translation>X 报表 · 营业日 %1 截至目前（未结）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="327"/>
        <source>Sales %1 (%2)</source>
        <translation>销售 %1（%2 笔）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="328"/>
        <source>returns %1 (%2)</source>
        <translation>退货 %1（%2 笔）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="330"/>
        <source>net %1</source>
        <translation>净额 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="331"/>
        <source>voids %1 tickets, %2 lines</source>
        <translation>作废 %1 单、%2 行</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="333"/>
        <source>no-sales %1</source>
        <translation>无交易开钱箱 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="334"/>
        <source>discounts %1</source>
        <translation>优惠 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="337"/>
        <source>%1 shifts still open</source>
        <translation>%1 个班次未交班</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="339"/>
        <source>deposited %1</source>
        <translation>已缴款 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="362"/>
        <source>over %1</source>
        <translation>长款 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="364"/>
        <source>short %1</source>
        <translation>短款 %1</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/models.py" line="88"/>
        <source>#</source>
        <extracomment>The promotion note under a line&apos;s name (第2件5折): the line delegate paints it. the column that takes the room left (the goods&apos; names); the others fit their contents</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="88"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="89"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="89"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="90"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="90"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="91"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="91"/>
        <source>Ticket</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="92"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="92"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="93"/>
        <source>Event</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="93"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="94"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="94"/>
        <source>Created</source>
        <translation>产生时间</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="379"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>ConflictNoteDialog</name>
    <message>
        <location filename="../../ui/sync.py" line="118"/>
        <source>Mark as handled</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="129"/>
        <source>What was done, e.g. the customer paid the difference in cash</source>
        <translation>做了什么处理，例如：顾客已用现金补足差额</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="130"/>
        <source>Note</source>
        <translation>处理说明</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="139"/>
        <source>Write what was done.</source>
        <translation>请填写处理说明。</translation>
    </message>
</context>
<context>
    <name>CouponDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="192"/>
        <source>Coupon</source>
        <translation>用券</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="192"/>
        <source>Use coupon (Enter)</source>
        <translation>使用 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="196"/>
        <source>Coupon code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="215"/>
        <source>Scan or type the coupon code.</source>
        <translation>请扫描或输入券码。</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../ui/customer_display.py" line="40"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="54"/>
        <location filename="../../ui/diagnostics.py" line="637"/>
        <source>Welcome</source>
        <extracomment>the screen the shots are taken for: the smallest a till has</extracomment>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="56"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="56"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="56"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="66"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="103"/>
        <source>Paid %1   Change %2</source>
        <translation>实收 %1   找零 %2</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="109"/>
        <source>Scan to pay</source>
        <translation>扫码付款</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="219"/>
        <source>Sales</source>
        <extracomment>how long one question about new sales is held open by the store server (seconds) the text shown for the bar under the pointer (&quot;&quot; when none)</extracomment>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="220"/>
        <source>Tickets</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="221"/>
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="222"/>
        <source>Items per ticket</source>
        <translation>客件数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="223"/>
        <source>Refunds</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="224"/>
        <source>Voids</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="225"/>
        <source>Discounts and coupons</source>
        <translation>促销与用券</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="226"/>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="241"/>
        <source>Payment mix</source>
        <translation>支付方式构成</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="250"/>
        <source>Top 10 goods</source>
        <translation>商品前 10</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="250"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="250"/>
        <location filename="../../ui/backoffice/overview.py" line="251"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="251"/>
        <source>Top categories</source>
        <translation>品类排行</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="251"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="272"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="274"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="277"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="277"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="278"/>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="278"/>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="279"/>
        <source>Last 365 days</source>
        <translation>近 365 天</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="284"/>
        <source>Show (F5)</source>
        <translation>查询 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="313"/>
        <source>The range ends before it begins: pick the days again.</source>
        <translation>结束日期早于开始日期，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="331"/>
        <source>Rounding %1</source>
        <translation>抹零 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="332"/>
        <source>%1 items</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="335"/>
        <source>%1 returns</source>
        <translation>%1 笔退货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="337"/>
        <source>%1 tickets %2 · %3 lines %4</source>
        <translation>整单 %1 笔 %2 · 删行 %3 行 %4</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="341"/>
        <source>Promotions %1 · coupons %2</source>
        <translation>促销 %1 · 用券 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="345"/>
        <source>%1% on %2 with a cost price</source>
        <translation>毛利率 %1%（有进价的销售额 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="348"/>
        <source>No goods with a cost price</source>
        <translation>暂无有进价的商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="356"/>
        <source>Sales by hour — bars: %1, line: %2 (same weekday last week)</source>
        <translation>分时销售 —— 柱：%1，线：%2（上周同日）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="360"/>
        <source>Sales by day — bars: this range, line: the same weekdays from %1</source>
        <translation>每日销售 —— 柱：所选日期，线：自 %1 起的同星期日期</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="365"/>
        <source>%1:00</source>
        <translation>%1 时</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="366"/>
        <source>%1
%2 · %3 tickets
earlier %4 · %5 tickets</source>
        <translation>%1
%2 · %3 笔
对比 %4 · %5 笔</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/overview.py" line="389"/>
        <source>(no category)</source>
        <translation>（无品类）</translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message>
        <location filename="../../ui/backoffice/close.py" line="46"/>
        <source>Cash deposit for Z%1</source>
        <translation>缴款 · 日结 Z%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="47"/>
        <source>Record (Enter)</source>
        <translation>记录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="53"/>
        <source>Amount (￥)</source>
        <translation>金额 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="55"/>
        <source>Who took the money, e.g. the bank&apos;s courier</source>
        <translation>谁收走了现金，如银行押运员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="56"/>
        <source>Taken by</source>
        <translation>收款人</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="58"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="60"/>
        <source>Counted cash not yet deposited: %1</source>
        <translation>尚未缴款的实点现金：%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="69"/>
        <source>Not an amount: %1</source>
        <translation>金额无效：%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="72"/>
        <source>A deposit is more than ￥0.00.</source>
        <translation>缴款金额须大于 ￥0.00。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="75"/>
        <source>At most %1 is left to deposit.</source>
        <translation>最多还能缴 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/close.py" line="78"/>
        <source>Say who took the money.</source>
        <translation>请填写收款人。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsWindow</name>
    <message>
        <location filename="../../ui/diagnostics.py" line="148"/>
        <source>Hardware diagnostics</source>
        <translation>设备诊断</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="164"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="166"/>
        <location filename="../../ui/diagnostics.py" line="267"/>
        <source>Export support bundle</source>
        <translation>导出诊断包</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="170"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="59"/>
        <location filename="../../ui/diagnostics.py" line="179"/>
        <source>Receipt printer</source>
        <extracomment>as big as the window likes to be; a 1024×768 till gets less (``fit_to``)</extracomment>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="62"/>
        <location filename="../../ui/diagnostics.py" line="180"/>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="60"/>
        <location filename="../../ui/diagnostics.py" line="181"/>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="61"/>
        <location filename="../../ui/diagnostics.py" line="182"/>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="65"/>
        <location filename="../../ui/diagnostics.py" line="183"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="63"/>
        <location filename="../../ui/diagnostics.py" line="184"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="64"/>
        <location filename="../../ui/diagnostics.py" line="185"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="66"/>
        <source>Unknown device</source>
        <translation>未知设备</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="208"/>
        <source>Looking for devices…</source>
        <translation>正在查找设备…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="214"/>
        <source>Detection failed: %1</source>
        <translation>设备检测失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="219"/>
        <location filename="../../ui/diagnostics.py" line="244"/>
        <source>configured</source>
        <translation>已配置</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="219"/>
        <location filename="../../ui/diagnostics.py" line="244"/>
        <location filename="../../ui/diagnostics.py" line="246"/>
        <source>detected</source>
        <translation>已检测到</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="225"/>
        <source>%1 device(s)</source>
        <translation>%1 台设备</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="233"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="236"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="236"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="236"/>
        <source>Status unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="237"/>
        <source>No status</source>
        <translation>无状态</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="248"/>
        <source>Driver: %1</source>
        <translation>驱动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="280"/>
        <source>Could not write the bundle: %1</source>
        <translation>诊断包保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="282"/>
        <source>Support bundle saved: %1</source>
        <translation>诊断包已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="293"/>
        <source>Print test page (Chinese, ￥, barcode, QR)</source>
        <translation>打印测试页（中文、￥、条码、二维码）</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="295"/>
        <source>Print code page sample</source>
        <translation>打印编码测试页</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="297"/>
        <source>Read status</source>
        <translation>读取状态</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="300"/>
        <location filename="../../ui/diagnostics.py" line="372"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="301"/>
        <source>Paper / encoding</source>
        <translation>纸宽 / 编码</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="306"/>
        <source>If Chinese prints as garbage, print the code page sample and choose the profile whose line reads correctly.</source>
        <translation>如果中文打印成乱码，请打印编码测试页，选择中文显示正确的那一种配置。</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="313"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="333"/>
        <location filename="../../ui/diagnostics.py" line="395"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="340"/>
        <source>Open drawer and read the sensor</source>
        <translation>打开钱箱并读取状态</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="343"/>
        <source>Printer the drawer is plugged into</source>
        <translation>钱箱所接的打印机</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="368"/>
        <source>Shelf label</source>
        <translation>货架标签</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="369"/>
        <source>Weighed goods</source>
        <translation>称重商品</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="370"/>
        <source>O2O bag</source>
        <translation>O2O 包裹</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="373"/>
        <source>Language</source>
        <translation>指令语言</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="374"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="377"/>
        <source>Print label</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="403"/>
        <source>Click here and scan a code</source>
        <translation>点击此处后扫码</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="408"/>
        <source>Test field</source>
        <translation>测试输入框</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="409"/>
        <location filename="../../ui/diagnostics.py" line="441"/>
        <source>Decoded</source>
        <translation>扫码结果</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="410"/>
        <source>Symbology</source>
        <translation>码制</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="411"/>
        <source>Keystroke timing</source>
        <translation>按键间隔</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="412"/>
        <source>A scanner types each key within a few milliseconds; a person takes over 50 ms. Turn on AIM identifiers in the scanner to see the symbology.</source>
        <translation>扫码枪每个按键只需几毫秒，人手输入超过 50 毫秒。在扫码枪中开启 AIM 标识即可看到码制。</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="419"/>
        <source>not sent by the scanner</source>
        <translation>扫码枪未发送</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="421"/>
        <source>%1 keys, average %2 ms, slowest %3 ms</source>
        <translation>%1 个按键，平均 %2 毫秒，最慢 %3 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="432"/>
        <location filename="../../ui/diagnostics.py" line="451"/>
        <source>Start camera</source>
        <translation>打开摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="434"/>
        <source>No camera running</source>
        <translation>摄像头未打开</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="459"/>
        <source>Stop camera</source>
        <translation>关闭摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="478"/>
        <source>Show test amounts</source>
        <translation>显示测试金额</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="481"/>
        <source>Pole display port</source>
        <translation>客显串口</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="485"/>
        <source>Open the second-screen display</source>
        <translation>打开副屏</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="501"/>
        <source>Shown: 88.88 with the Total lamp</source>
        <translation>已显示：88.88，“总计”灯亮</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="505"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="509"/>
        <source>Scan to pay</source>
        <translation>扫码付款</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="520"/>
        <source>Toledo, continuous output</source>
        <translation>托利多，连续输出</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="521"/>
        <location filename="../../ui/diagnostics.py" line="545"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="523"/>
        <source>Tare</source>
        <translation>去皮</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="524"/>
        <source>Zero</source>
        <translation>置零</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="533"/>
        <source>Port</source>
        <translation>串口</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="534"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="537"/>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="550"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="557"/>
        <source>Stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="557"/>
        <source>Settling…</source>
        <translation>等待稳定…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="559"/>
        <source>Net, tare %1 kg</source>
        <translation>净重，皮重 %1 kg</translation>
    </message>
</context>
<context>
    <name>EventKinds</name>
    <message>
        <location filename="../../ui/models.py" line="99"/>
        <source>sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="100"/>
        <source>shift opened</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="101"/>
        <source>shift closed</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="102"/>
        <source>ticket voided</source>
        <translation>整单取消</translation>
    </message>
</context>
<context>
    <name>GiftCardDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="556"/>
        <source>Sell a gift card</source>
        <translation>售卖礼品卡</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="556"/>
        <source>Add (Enter)</source>
        <translation>添加 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="564"/>
        <source>Scan the barcode on the back of the card</source>
        <translation>扫描卡背面的条码</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="567"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="579"/>
        <source>Scan or type the card number.</source>
        <translation>请扫描或输入卡号。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="91"/>
        <source>Help</source>
        <extracomment>The row of buttons at the bottom (Cancel, OK); subclasses may add their own.</extracomment>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="91"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="102"/>
        <source>The Ctrl keys are also buttons under More, for the touch screen.</source>
        <translation>Ctrl 组合键的功能也在“更多”里，可直接点按触摸屏。</translation>
    </message>
</context>
<context>
    <name>HqErrors</name>
    <message>
        <location filename="../../ui/texts.py" line="46"/>
        <source>HQ cannot be reached: check the store&apos;s internet connection. Sales are kept and sent later.</source>
        <extracomment>a Chinese character: HQ&apos;s message is already in the till&apos;s language when the till speaks Chinese</extracomment>
        <translation>连不上总部：请检查门店网络。销售数据已保存，恢复后自动上传。</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="50"/>
        <source>HQ answered with an error (HTTP %1): it will be tried again.</source>
        <translation>总部返回错误（HTTP %1），稍后自动重试。</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="58"/>
        <source>HQ refused it.</source>
        <translation>总部拒绝了此请求。</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="59"/>
        <source>HQ refused it (%1).</source>
        <translation>总部拒绝了此请求（%1）。</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../ui/widgets.py" line="60"/>
        <source>Clear</source>
        <extracomment>The height of a row or a control a finger must hit on the touch screen (at least 44 px). The OK key was pressed.</extracomment>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="61"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>LabelPreview</name>
    <message>
        <location filename="../../ui/label_preview.py" line="32"/>
        <source>Print label</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location filename="../../ui/label_preview.py" line="49"/>
        <source>%1 × %2 mm, gap %3 mm</source>
        <translation>%1 × %2 毫米，间隙 %3 毫米</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="61"/>
        <source>OmniStore checkout</source>
        <translation>OmniStore 收银</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="65"/>
        <source>Till %1</source>
        <translation>收银台 %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="71"/>
        <source>Operator code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="74"/>
        <location filename="../../ui/screens.py" line="79"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="78"/>
        <source>Operator</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="85"/>
        <source>Log in (Enter)</source>
        <translation>登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="89"/>
        <source>Hardware diagnostics (F2)</source>
        <translation>设备诊断 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="129"/>
        <source>Enter your operator code.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="133"/>
        <source>Enter your PIN.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="137"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="114"/>
        <source>OmniStore checkout</source>
        <extracomment>whose login opens the back office (a supervisor sees the modules their role allows) the till&apos;s data directory: its devices.json, print queues and logs</extracomment>
        <translation>OmniStore 收银</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="166"/>
        <source>Till: %1</source>
        <extracomment>the back office of a manager or supervisor logged in (built at their login)</extracomment>
        <translation>收银台：%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="174"/>
        <location filename="../../ui/app.py" line="380"/>
        <source>HQ sync (Ctrl+S)</source>
        <translation>总部同步 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="193"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="201"/>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="201"/>
        <source>supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="201"/>
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="203"/>
        <source>Operator: %1 (%2)</source>
        <translation>操作员：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="319"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="405"/>
        <source>Printer: OK</source>
        <translation>打印机：正常</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="407"/>
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="409"/>
        <source>Printer: status unknown</source>
        <translation>打印机：状态未知</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="431"/>
        <source>Server: online</source>
        <translation>服务器：在线</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="431"/>
        <source>Server: OFFLINE</source>
        <translation>服务器：离线</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="183"/>
        <source>Back office</source>
        <translation>后台</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="36"/>
        <source>Regular member</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="37"/>
        <source>Silver member</source>
        <translation>银卡会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="38"/>
        <source>Gold member</source>
        <translation>金卡会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="39"/>
        <source>Diamond member</source>
        <translation>钻石会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="47"/>
        <source>Points %1</source>
        <translation>积分 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="48"/>
        <source>Stored value %1</source>
        <translation>储值 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="51"/>
        <source> (%1 expire on %2)</source>
        <translation>（%1 分将于 %2 到期）</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="120"/>
        <location filename="../../ui/loyalty.py" line="127"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="120"/>
        <source>Find (Enter)</source>
        <translation>查找 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="125"/>
        <source>Member code, phone or card number</source>
        <translation>会员码、手机号或卡号</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="129"/>
        <source>Name (only to register)</source>
        <translation>姓名（仅注册时填写）</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="130"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="141"/>
        <source>Register this phone</source>
        <translation>用此手机号注册</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="163"/>
        <source>Scan the member code or type a phone or card number.</source>
        <translation>请扫会员码，或输入手机号、卡号。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="177"/>
        <source>until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="180"/>
        <source>Recent: %1</source>
        <translation>最近消费：%1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="182"/>
        <source>No purchases yet.</source>
        <translation>暂无消费记录。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="183"/>
        <source>Attach to ticket (Enter)</source>
        <translation>关联到本单 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="184"/>
        <source>Member found.</source>
        <translation>已找到会员。</translation>
    </message>
</context>
<context>
    <name>NoReceiptReturnDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="473"/>
        <source>Return without receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="473"/>
        <source>Refund (Enter)</source>
        <translation>退款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="476"/>
        <source>Refunded in cash at today&apos;s shelf price, without promotions. A manager must allow it.</source>
        <extracomment>(code, quantity) coming back, once the cashier confirms; the checkout runs the return</extracomment>
        <translation>按今日货架价（不含促销）退现金，须店长授权。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="482"/>
        <source>Scan each item coming back</source>
        <translation>逐件扫描退回的商品</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="484"/>
        <location filename="../../ui/loyalty.py" line="488"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="486"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="488"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="488"/>
        <source>Return</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="511"/>
        <source>%1 is sold by weight: it can only come back with its receipt.</source>
        <translation>%1 是称重商品：只能凭小票退货。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="530"/>
        <source>Refund %1 in cash</source>
        <translation>退现金 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="545"/>
        <source>Scan what comes back first.</source>
        <translation>请先扫描要退的商品。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="478"/>
        <source>This needs a manager: %1</source>
        <extracomment>Who the store server asks for each action (``app.auth.authorise`` callers). A manager may do what a supervisor may. Who allows a no-receipt return is the store&apos;s choice (OMNISTORE_NO_RECEIPT_RETURN_ROLE), so that one names nobody.</extracomment>
        <translation>此操作需要店长授权：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="392"/>
        <source>Authorisation</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="392"/>
        <source>Authorise (Enter)</source>
        <translation>授权 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="406"/>
        <source>Authoriser code</source>
        <translation>授权人工号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="407"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="480"/>
        <source>This needs a supervisor or a manager: %1</source>
        <translation>此操作需要主管或店长授权：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="481"/>
        <source>This needs authorisation: %1</source>
        <translation>此操作需要授权：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="486"/>
        <source>void a line</source>
        <translation>删除商品行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="487"/>
        <source>change a price</source>
        <translation>修改单价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="488"/>
        <source>open the drawer without a sale</source>
        <translation>无交易开钱箱</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="489"/>
        <source>open hardware diagnostics</source>
        <translation>打开设备诊断</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="490"/>
        <source>cancel the whole ticket</source>
        <translation>整单取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="491"/>
        <source>refund above the store&apos;s limit</source>
        <translation>超过门店限额的退款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="492"/>
        <source>take goods back without a receipt</source>
        <translation>无小票退货</translation>
    </message>
</context>
<context>
    <name>PaperRollWindow</name>
    <message>
        <location filename="../../ui/printer_preview.py" line="238"/>
        <source>Receipt printer simulator</source>
        <translation>小票打印机模拟器</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printer_preview.py" line="280"/>
        <source>%n job(s) printed</source>
        <translation>
            <numerusform>已打印 %n 张</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParkedTicketsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="439"/>
        <source>Parked tickets</source>
        <translation>挂单列表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="439"/>
        <source>Resume (Enter)</source>
        <translation>取单 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="452"/>
        <source>No parked tickets.</source>
        <translation>没有挂起的小票。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="459"/>
        <source>Choose a ticket first.</source>
        <translation>请先选择一张小票。</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="117"/>
        <source>This module is not available in this version yet.</source>
        <translation>此模块在本版本中尚不可用。</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="302"/>
        <source>Pay with points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="302"/>
        <source>Pay (Enter)</source>
        <translation>支付 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="306"/>
        <source>%1 points: up to %2 (%3 points = %4)</source>
        <translation>积分 %1：最多抵 %2（%3 积分 = %4）</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="313"/>
        <source>Amount (￥)</source>
        <translation>金额 (￥)</translation>
    </message>
</context>
<context>
    <name>PosDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="54"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="58"/>
        <source>OK (Enter)</source>
        <translation>确定 (Enter)</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="264"/>
        <source>Override price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="268"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="269"/>
        <source>Current price</source>
        <translation>原单价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="273"/>
        <source>New price (￥)</source>
        <translation>新单价 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="287"/>
        <source>Enter a price such as 12.50.</source>
        <translation>请输入价格，如 12.50。</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>Search products</source>
        <translation>商品查询</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>Add (Enter)</source>
        <translation>添加 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="121"/>
        <source>Name, pinyin initials (e.g. kkkl) or code</source>
        <translation>名称、拼音首字母（如 kkkl）或编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162"/>
        <source>No product matches.</source>
        <translation>没有匹配的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="182"/>
        <source>Choose a product first.</source>
        <translation>请先选择商品。</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="192"/>
        <source>Change quantity</source>
        <translation>修改数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="198"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="204"/>
        <source>Weight (kg)</source>
        <translation>重量 (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="204"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="219"/>
        <source>Enter a quantity greater than zero.</source>
        <translation>请输入大于零的数量。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="345"/>
        <location filename="../../ui/loyalty.py" line="372"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="345"/>
        <location filename="../../ui/loyalty.py" line="393"/>
        <source>Find sale (Enter)</source>
        <translation>查找销售单 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="352"/>
        <source>Scan the receipt barcode, or type the amount, member or goods code</source>
        <extracomment>(line id, quantity) to bring back, once the cashier confirms; the checkout runs the return</extracomment>
        <translation>扫描小票条码，或输入金额、会员卡号、商品条码查单</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="355"/>
        <location filename="../../ui/loyalty.py" line="365"/>
        <source>Sale</source>
        <extracomment>查单: the day&apos;s sales that match what was typed, when there is no receipt barcode to scan</extracomment>
        <translation>销售单</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="360"/>
        <source>Sold on</source>
        <translation>销售日期</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="362"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="365"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="365"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="365"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="372"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="372"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="372"/>
        <source>Can return</source>
        <translation>可退</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="377"/>
        <source>No receipt…</source>
        <extracomment>the cashier chose 无小票退货 instead: the checkout opens that dialog</extracomment>
        <translation>无小票退货…</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="404"/>
        <source>Scan the receipt barcode or type the sale number.</source>
        <translation>请扫描小票条码或输入单号。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="417"/>
        <source>Choose how many of which item come back.</source>
        <translation>请选择要退的商品和数量。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="434"/>
        <source>%1 sales match: pick one (Enter).</source>
        <translation>找到 %1 笔销售：请选择一笔（回车）。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="436"/>
        <source>No sale of that day matches.</source>
        <translation>当天没有符合的销售单。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="451"/>
        <source>Gift cards sold are not taken back.</source>
        <translation>已售礼品卡不予退货。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="460"/>
        <source>Refund (Enter)</source>
        <translation>退款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="462"/>
        <source>Everything on this sale has been returned already.</source>
        <translation>此单商品已全部退货。</translation>
    </message>
</context>
<context>
    <name>SalesJournalPage</name>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="63"/>
        <source>Sale</source>
        <translation>销售单</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="63"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="63"/>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="63"/>
        <location filename="../../ui/backoffice/sales.py" line="123"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="64"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="64"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="64"/>
        <source>Tenders</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="64"/>
        <location filename="../../ui/backoffice/sales.py" line="121"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="71"/>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="94"/>
        <source>Receipt number or its beginning</source>
        <translation>小票号或其开头</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="96"/>
        <source>from ￥</source>
        <translation>最低 ￥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="98"/>
        <source>to ￥</source>
        <translation>最高 ￥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="100"/>
        <source>Member card number</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="102"/>
        <source>Operator code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="104"/>
        <source>Any tender</source>
        <translation>全部支付方式</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="111"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="113"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="115"/>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="117"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="127"/>
        <source>Search (F5)</source>
        <translation>查询 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="137"/>
        <source>Pick a sale to see it</source>
        <translation>选择一笔销售查看详情</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="141"/>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="141"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="141"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="141"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="154"/>
        <source>Reprint (Ctrl+P)</source>
        <translation>重打小票 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="156"/>
        <source>Return… (Ctrl+R)</source>
        <translation>退货… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="183"/>
        <source>The time range ends before it begins.</source>
        <translation>结束时间早于开始时间。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="188"/>
        <source>Not an amount: %1</source>
        <translation>金额无效：%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="191"/>
        <source>The lowest amount is above the highest.</source>
        <translation>最低金额高于最高金额。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="219"/>
        <source>%1 sales</source>
        <translation>%1 笔销售</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="222"/>
        <source>No sale matches.</source>
        <translation>没有符合条件的销售。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="241"/>
        <source>%1 · %2 · till %3</source>
        <translation>%1 · %2 · 收银台 %3</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="252"/>
        <source>Subtotal %1</source>
        <translation>小计 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="254"/>
        <source>promotions −%1</source>
        <translation>促销 −%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="256"/>
        <source>coupon %1 −%2</source>
        <translation>券 %1 −%2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="259"/>
        <source>rounding %1</source>
        <translation>抹零 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="260"/>
        <source>total %1</source>
        <translation>应收 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="262"/>
        <source>paid %1, change %2</source>
        <translation>实收 %1，找零 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="264"/>
        <source>member %1</source>
        <translation>会员 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/sales.py" line="285"/>
        <source>Reprinted %1</source>
        <translation>已重打 %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="31"/>
        <source>None: exact fen</source>
        <translation>不抹零（精确到分）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="32"/>
        <source>To the jiao, down</source>
        <translation>抹分（舍到角）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="33"/>
        <source>To the jiao, half up</source>
        <translation>到角（四舍五入）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="34"/>
        <source>To the yuan, down</source>
        <translation>抹角（舍到元）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="35"/>
        <source>To the yuan, half up</source>
        <translation>到元（四舍五入）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="51"/>
        <source>Settings of this store</source>
        <translation>本店设置</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="57"/>
        <source>Printed under the store&apos;s name</source>
        <translation>打印在店名下方</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="62"/>
        <source>Receipt header</source>
        <translation>小票抬头</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="63"/>
        <source>Receipt footer</source>
        <translation>小票结尾语</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="67"/>
        <source>Rounding</source>
        <translation>抹零</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="70"/>
        <source>Void limit (￥, above it a supervisor authorises)</source>
        <translation>删行限额（￥，超过需主管授权）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="74"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="75"/>
        <source>Devices and diagnostics…</source>
        <translation>设备与诊断…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="78"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="88"/>
        <source>Back to the defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="90"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="119"/>
        <source>Changed here: %1. The rest follow the store server&apos;s defaults.</source>
        <translation>已在此修改：%1。其余沿用门店服务器的默认值。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="120"/>
        <source>nothing yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="127"/>
        <source>A header or footer is at most 4 lines and %1 characters.</source>
        <translation>抬头或结尾语最多 4 行、%1 个字。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="133"/>
        <source>Not an amount: %1</source>
        <translation>金额无效：%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="145"/>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settings.py" line="159"/>
        <source>Saved: the next sale uses these settings.</source>
        <translation>已保存：下一笔销售起生效。</translation>
    </message>
</context>
<context>
    <name>ShiftCloseScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="233"/>
        <source>Over</source>
        <translation>长款</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="235"/>
        <source>Short</source>
        <translation>短款</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="236"/>
        <source>Balanced</source>
        <translation>无长短款</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="253"/>
        <source>Close shift</source>
        <extracomment>Back to the checkout without closing. The shift is closed (ShiftClose); the cashier has seen the result. &quot;Done&quot;: the cashier leaves the till.</extracomment>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="269"/>
        <source>Cash counted (￥)</source>
        <translation>实点现金 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="275"/>
        <source>Expected in drawer</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="276"/>
        <source>Counted</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="292"/>
        <source>Back to checkout (Esc)</source>
        <translation>返回收银 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="295"/>
        <source>Close shift (Enter)</source>
        <translation>确认交班 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="298"/>
        <source>Done, log out (Enter)</source>
        <translation>完成并退出 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="313"/>
        <source>%1, count the cash in the drawer and enter the total. The expected amount is shown after you close.</source>
        <translation>%1，请清点钱箱内的全部现金并输入合计。交班后才显示应有金额。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="356"/>
        <source>Enter the cash counted, such as 1268.50 (0 for an empty drawer).</source>
        <translation>请输入实点现金，例如 1268.50（钱箱为空输入 0）</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="361"/>
        <source>Closing the shift…</source>
        <translation>正在交班…</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="381"/>
        <source>The shift is closed.</source>
        <translation>交班完成。</translation>
    </message>
</context>
<context>
    <name>ShiftOpenScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="163"/>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="175"/>
        <source>Float (￥)</source>
        <translation>备用金 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="182"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="185"/>
        <source>Open shift (Enter)</source>
        <translation>开班 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="196"/>
        <source>%1, count the float into the drawer.</source>
        <translation>%1，请清点备用金放入钱箱。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="214"/>
        <source>Enter the float as an amount, such as 500 or 200.50.</source>
        <translation>请输入备用金金额，如 500 或 200.50。</translation>
    </message>
</context>
<context>
    <name>StoreClient</name>
    <message>
        <location filename="../../ui/api.py" line="324"/>
        <source>The store server cannot be reached. Check the network.</source>
        <extracomment>(connect, read) seconds. A till must say &quot;offline&quot; quickly rather than hang a scan. the promotion that priced the line (第2件5折), or 改价 with the shelf price the shelf price; a line priced by hand (改价) has another ``unit_price`` what the promotions took off the lines (already out of ``subtotal``), as the server priced them still due by a tender other than cash: exact fen, 抹零 applies only to cash A store server without the sync endpoints (or not enrolled with HQ) reports this.</extracomment>
        <translation>无法连接门店服务器，请检查网络。</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="341"/>
        <source>The server refused the request (%1).</source>
        <translation>服务器拒绝了请求（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="348"/>
        <source>The server sent an unreadable answer.</source>
        <translation>服务器返回了无法识别的数据。</translation>
    </message>
</context>
<context>
    <name>StoredValueDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="225"/>
        <source>Pay with stored value</source>
        <translation>储值支付</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="225"/>
        <source>Pay (Enter)</source>
        <translation>支付 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="233"/>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="234"/>
        <source>Amount (￥)</source>
        <translation>金额 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="274"/>
        <source>Balance %1</source>
        <translation>余额 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="284"/>
        <source>The card pays %1; the rest is paid another way.</source>
        <translation>此卡可付 %1，其余请用其他方式支付。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="276"/>
        <source>(valid until %1)</source>
        <translation>（有效期至 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="279"/>
        <source>This gift card has expired; it cannot pay.</source>
        <translation>此礼品卡已过期，不能支付。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="281"/>
        <source>The card is empty.</source>
        <translation>卡内余额为零。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="290"/>
        <source>Scan or type the card number.</source>
        <translation>请扫描或输入卡号。</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../ui/sync.py" line="92"/>
        <source>redeem coupon</source>
        <translation>核销券</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="93"/>
        <source>release coupon</source>
        <translation>释放券</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="94"/>
        <source>refund to card</source>
        <translation>退回储值卡</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="95"/>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="96"/>
        <source>points back</source>
        <translation>退回积分</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="97"/>
        <source>activate gift card</source>
        <translation>激活礼品卡</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="98"/>
        <source>campaign coupon</source>
        <translation>活动发券</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="99"/>
        <source>restore coupon</source>
        <translation>退券</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="100"/>
        <source>take back campaign coupon</source>
        <translation>收回活动券</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="150"/>
        <source>HQ sync</source>
        <translation>总部同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="150"/>
        <source>Close (Enter)</source>
        <translation>关闭 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="162"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="163"/>
        <source>Waiting to upload</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="164"/>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="165"/>
        <source>Master data from HQ</source>
        <translation>总部下发数据</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="166"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="168"/>
        <source>Stuck uploads (HQ keeps refusing them)</source>
        <translation>上传失败的数据（总部一直拒收）</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="177"/>
        <source>Coupons, stored value and points HQ could not settle (for the manager)</source>
        <translation>总部未能处理的券、储值和积分事项（请店长处理）</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="180"/>
        <source>Show resolved</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="184"/>
        <source>Resolve…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="192"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="192"/>
        <source>Step</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="192"/>
        <source>Coupon / card / member</source>
        <translation>券 / 卡 / 会员</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="193"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="193"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="193"/>
        <source>Note</source>
        <translation>处理说明</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="205"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="219"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="243"/>
        <source>%1 changes applied (cursor %2)</source>
        <translation>已接收 %1 条（游标 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="246"/>
        <source>catching up</source>
        <translation>同步中</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="254"/>
        <source>This store is not connected to HQ: sales stay in the store.</source>
        <translation>本门店未连接总部：销售数据保存在门店服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="322"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="327"/>
        <source>Marked as handled.</source>
        <translation>已标记为已处理。</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="341"/>
        <source>%1 uploads are stuck: call support.</source>
        <translation>有 %1 条数据上传失败，请联系技术支持</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync.py" line="60"/>
        <source>HQ: not connected</source>
        <translation>未连接总部</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="63"/>
        <source>HQ data syncing: %1 received (%2%)</source>
        <translation>总部数据同步中：已接收 %1 条 (%2%)</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="65"/>
        <source>HQ data syncing (%1 received)</source>
        <translation>总部数据同步中 (已接收 %1 条)</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="70"/>
        <source>HQ: connecting</source>
        <translation>总部：连接中</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="72"/>
        <source>HQ: online</source>
        <translation>总部：在线</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="74"/>
        <source>HQ: OFFLINE</source>
        <translation>总部：离线</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="75"/>
        <source>to upload %1</source>
        <translation>待上传 %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="77"/>
        <source>last sync %1</source>
        <translation>最近同步 %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="68"/>
        <source>HQ: UPLOADS STUCK</source>
        <translation>总部：上传卡住</translation>
    </message>
    <message>
        <location filename="../../ui/sync.py" line="86"/>
        <source>Uploads to HQ are stuck: the oldest has waited %1 min. %2</source>
        <translation>上传总部卡住了：最早的一笔已等待 %1 分钟。%2</translation>
    </message>
</context>
<context>
    <name>TicketLinesModel</name>
    <message>
        <location filename="../../ui/models.py" line="159"/>
        <source>Voided</source>
        <translation>已删除</translation>
    </message>
</context>
<context>
    <name>TillKeys</name>
    <message>
        <location filename="../../ui/keys.py" line="48"/>
        <source>Help</source>
        <extracomment>the translation context of every text in the table the shortcut as ``QKeySequence`` text (&quot;F3&quot;, &quot;Ctrl+M&quot;); empty for a row that only explains the button&apos;s caption (source text) the F1 help line (source text) the ``CheckoutScreen`` method it calls &quot;bar&quot;: a button on the function-key bar; &quot;more&quot;: a button in the 更多 panel; &quot;&quot;: help only what the help shows as the key when it is not ``key`` itself (&quot;F12 / +&quot;)</extracomment>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="49"/>
        <source>This list of keys</source>
        <translation>本页：所有功能键</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="51"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="52"/>
        <source>Search products by name, pinyin initials or code</source>
        <translation>按名称、拼音首字母或编码查询商品</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="54"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="55"/>
        <source>Change the quantity of the selected line</source>
        <translation>修改所选商品的数量</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="57"/>
        <source>Void line</source>
        <translation>删行</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="58"/>
        <source>Void the selected line</source>
        <translation>删除所选商品行</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="60"/>
        <source>Park</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="61"/>
        <source>Park the ticket (hold it for later)</source>
        <translation>挂单（暂存小票，稍后结算）</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="63"/>
        <source>Resume</source>
        <translation>取单</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="64"/>
        <source>Resume a parked ticket</source>
        <translation>取回挂起的小票</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="66"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="67"/>
        <source>Override the price of the selected line</source>
        <translation>修改所选商品的单价</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="69"/>
        <source>No sale</source>
        <translation>开钱箱</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="70"/>
        <source>Open the cash drawer without a sale (a manager authorises it)</source>
        <translation>无交易打开钱箱（须店长授权）</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="72"/>
        <source>Reprint</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="73"/>
        <source>Reprint the last receipt</source>
        <translation>重打上一张小票</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="75"/>
        <location filename="../../ui/keys.py" line="76"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="78"/>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="79"/>
        <source>Close the shift (blind count of the drawer)</source>
        <translation>交班（盲点钱箱现金）</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="81"/>
        <location filename="../../ui/keys.py" line="82"/>
        <source>Pay</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="84"/>
        <source>Cancel ticket</source>
        <translation>整单取消</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="85"/>
        <source>Cancel the whole ticket (paid or over the limit: a supervisor allows it)</source>
        <translation>整单取消（已收款或超过删除限额时须主管授权）</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="87"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="88"/>
        <source>Member: scan the member code, or type a phone or card number</source>
        <translation>会员：扫会员码，或输入手机号、卡号</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="90"/>
        <source>Coupon</source>
        <translation>用券</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="91"/>
        <source>Use a coupon</source>
        <translation>用券</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="93"/>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="94"/>
        <source>Pay with stored value or a gift card</source>
        <translation>储值卡或礼品卡支付</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="96"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="97"/>
        <source>Pay with the member&apos;s points</source>
        <translation>用会员积分抵现</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="99"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="100"/>
        <source>Return goods of an earlier sale</source>
        <translation>退货（之前的销售单）</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="102"/>
        <source>HQ sync</source>
        <translation>总部同步</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="103"/>
        <source>HQ sync status and stuck uploads</source>
        <translation>总部同步状态和上传失败的数据</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="105"/>
        <source>Select a line</source>
        <translation>选择商品行</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="106"/>
        <source>Type 3* before a code to sell 3 of it</source>
        <translation>在编码前输入 3* 即售出 3 件</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../ui/checkout.py" line="128"/>
        <source>Items</source>
        <extracomment>&quot;3*6901234567892&quot; sells three of the item. The promotion note under a line&apos;s name: the theme&apos;s accent for money off. Codes that mean &quot;the cashier must fix their credentials&quot;, not &quot;the command failed&quot;.</extracomment>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="129"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="130"/>
        <source>Discounts</source>
        <translation>优惠合计</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="131"/>
        <source>Rounding</source>
        <translation>抹零</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="160"/>
        <source>Still due</source>
        <extracomment>the member on this ticket (Ctrl+M): name, tier, points, stored value the sale whose change is showing, until the next ticket has an item</extracomment>
        <translation>还需收</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="160"/>
        <source>Amount due</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="168"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="133"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="132"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>WeightDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="230"/>
        <source>Enter the weight</source>
        <translation>输入重量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="239"/>
        <source>Weight (kg)</source>
        <translation>重量 (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="253"/>
        <source>Enter a weight greater than zero, e.g. 0.512</source>
        <translation>请输入大于零的重量，例如 0.512</translation>
    </message>
</context>
<context>
    <name>_Paper</name>
    <message>
        <location filename="../../ui/printer_preview.py" line="152"/>
        <source>[cash drawer opened]</source>
        <translation>[钱箱已打开]</translation>
    </message>
    <message>
        <location filename="../../ui/printer_preview.py" line="154"/>
        <source>[image %1]</source>
        <translation>[图片 %1]</translation>
    </message>
</context>
<context>
    <name>_ServerDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="86"/>
        <source>Enter an amount greater than zero.</source>
        <extracomment>the ticket as the server returned it, once the dialog&apos;s call succeeded</extracomment>
        <translation>请输入大于零的金额。</translation>
    </message>
</context>
</TS>
