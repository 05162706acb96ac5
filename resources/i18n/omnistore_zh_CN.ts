<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="33"/>
        <source>Drawer opened without a sale</source>
        <translation>无销售开钱箱</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="34"/>
        <source>Price changed</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="35"/>
        <source>Line voided</source>
        <translation>删除商品行</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="36"/>
        <source>Ticket cancelled</source>
        <translation>整单取消</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="37"/>
        <source>Refund above the limit</source>
        <translation>超限退款</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="38"/>
        <source>Return without a receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="39"/>
        <source>Diagnostics opened</source>
        <translation>打开设备诊断</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="40"/>
        <source>Authorisation refused</source>
        <translation>授权被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="41"/>
        <source>Authorisation locked after failed tries</source>
        <translation>授权多次失败已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="42"/>
        <source>PIN reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="43"/>
        <source>PIN changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="44"/>
        <source>Operator locked</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="45"/>
        <source>Operator unlocked</source>
        <translation>启用操作员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="46"/>
        <source>Day closed (Z)</source>
        <translation>日结（Z）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="47"/>
        <source>Cash deposited</source>
        <translation>缴款</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="48"/>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="49"/>
        <source>Stored value topped up</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="70"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="70"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="70"/>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="70"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="71"/>
        <source>Authorised by</source>
        <translation>授权人</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="71"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="71"/>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="71"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="81"/>
        <source>Verify the chain (F9)</source>
        <translation>校验审计链 (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="83"/>
        <source>Export CSV (Ctrl+E)</source>
        <translation>导出 CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="100"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="102"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="105"/>
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="110"/>
        <source>Operator code</source>
        <translation>操作员工号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="114"/>
        <source>Show (F5)</source>
        <translation>查询 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="144"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="154"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="171"/>
        <source>Nothing recorded for this choice.</source>
        <translation>所选条件下没有记录。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="176"/>
        <source>The chain is intact: %1 entries.</source>
        <translation>审计链完整：共 %1 条。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/audit.py" line="179"/>
        <source>The chain is broken at entry %1: it was changed after it was written.</source>
        <translation>审计链在第 %1 条断开：该记录写入后被改动过。</translation>
    </message>
</context>
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
    <message>
        <location filename="../../ui/backoffice/shell.py" line="103"/>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="154"/>
        <source>Back office</source>
        <translation>后台</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="161"/>
        <source>Till (F12)</source>
        <translation>收银 (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="166"/>
        <source>Log out (F10)</source>
        <translation>退出 (F10)</translation>
    </message>
</context>
<context>
    <name>BoardShell</name>
    <message>
        <location filename="../../ui/board.py" line="637"/>
        <source>Online orders</source>
        <translation>线上订单</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../ui/board.py" line="292"/>
        <source>Online orders</source>
        <translation>线上订单</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="343"/>
        <location filename="../../ui/board.py" line="482"/>
        <source>Choose an order</source>
        <translation>请选择订单</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="351"/>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="351"/>
        <source>Ordered</source>
        <translation>订购</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="351"/>
        <location filename="../../ui/board.py" line="375"/>
        <location filename="../../ui/board.py" line="509"/>
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="351"/>
        <source>Shelf</source>
        <translation>货位</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="352"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="363"/>
        <source>Scan the goods</source>
        <translation>扫描商品</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="366"/>
        <source>Weight (kg)</source>
        <translation>重量（kg）</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="373"/>
        <location filename="../../ui/board.py" line="509"/>
        <source>Short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="374"/>
        <source>Substitute</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="381"/>
        <source>Accept</source>
        <translation>接单</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="385"/>
        <source>Reject</source>
        <translation>拒单</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="386"/>
        <source>Start picking</source>
        <translation>开始拣货</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="387"/>
        <source>Packed</source>
        <translation>打包完成</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="388"/>
        <source>Ready</source>
        <translation>待取货</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="389"/>
        <source>Rider arrived</source>
        <translation>骑手到店</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="390"/>
        <source>Hand over</source>
        <translation>交付</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="391"/>
        <source>Goods put back</source>
        <translation>商品已放回</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="392"/>
        <source>Print pick list</source>
        <translation>打印拣货单</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="393"/>
        <source>Print bag label</source>
        <translation>打印袋贴</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="445"/>
        <source>CANCELLED WHILE PICKING — stop and put the goods back: %1</source>
        <translation>拣货中被取消 —— 请停止拣货并把商品放回货架：%1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="488"/>
        <source>Pickup</source>
        <translation>自提</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="488"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="493"/>
        <source>Rider: %1</source>
        <translation>骑手：%1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="509"/>
        <source>To pick</source>
        <translation>待拣</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="510"/>
        <source>Substituted</source>
        <translation>已替换</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="533"/>
        <source>Choose an order first</source>
        <translation>请先选择订单</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="560"/>
        <source>Enter a weight greater than zero, e.g. 0.512</source>
        <translation>请输入大于零的重量，例如 0.512</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="569"/>
        <source>Choose a line of the pick list first</source>
        <translation>请先选择拣货单上的一行</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="584"/>
        <source>Type or scan the substitute&apos;s code first</source>
        <translation>请先输入或扫描替换商品的条码</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="607"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="612"/>
        <source>WRONG ITEM: %1</source>
        <translation>拣错商品：%1</translation>
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
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../ui/screens.py" line="188"/>
        <source>Change my PIN</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="188"/>
        <source>Change (Enter)</source>
        <translation>修改 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="201"/>
        <source>Operator</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="202"/>
        <source>Current PIN</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="203"/>
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="204"/>
        <source>New PIN again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="206"/>
        <source>4 to 8 digits, not all the same and not a run like 1234.</source>
        <translation>4–8 位数字，不能全部相同，不能是 1234 这样的连续数字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="219"/>
        <source>The two new PINs differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="224"/>
        <source>4 to 8 digits, not all the same, not a run like 1234, and not the PIN you have.</source>
        <translation>4–8 位数字，不能全部相同、不能是 1234 这样的连续数字，也不能与原密码相同。</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/checkout.py" line="301"/>
        <source>Scan / code</source>
        <extracomment>The server says no shift is open on this till. Emitted with the receipt bytes after they went to the printer sink (for tests and logs). A sale was completed: (sale_id, change). F10: the cashier leaves the till. F11: 交班. Ctrl+S: the HQ sync page. the member on this ticket, as HQ showed them (coupons, cards); None for a walk-in</extracomment>
        <translation>扫码/编码</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="305"/>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>扫描条码或输入编码后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="347"/>
        <source>…
More</source>
        <translation>…
更多</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="401"/>
        <source>Resumed the open ticket of this till.</source>
        <translation>已恢复本机未完成的小票。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="446"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="540"/>
        <source>Weighing…</source>
        <translation>正在称重…</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="550"/>
        <source>No steady weight on the scale: put the goods on it, or enter the weight.</source>
        <translation>秤上没有稳定的重量：请把商品放上秤，或输入重量。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="583"/>
        <source>Finish this dialog first, then scan again.</source>
        <translation>请先完成当前窗口，再重新扫码。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="611"/>
        <source>There is no line to change.</source>
        <translation>没有可操作的商品行。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="613"/>
        <source>This line is already voided.</source>
        <translation>该商品行已删除。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="642"/>
        <source>Voided: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="669"/>
        <source>Drawer opened (no sale).</source>
        <translation>钱箱已打开（无交易）。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="673"/>
        <source>There is nothing to park.</source>
        <translation>没有可挂起的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="686"/>
        <source>Ticket parked. Press F6 to resume it.</source>
        <translation>已挂单，按 F6 取单。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="695"/>
        <source>There is nothing to cancel.</source>
        <translation>没有可取消的单据。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="714"/>
        <source>Cancel the whole ticket: %1 items, %2?</source>
        <translation>整单取消：共 %1 件，合计 %2？</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="717"/>
        <source>%1 is paid already: it goes back to the customer.</source>
        <translation>已收款 %1，将退还顾客。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="719"/>
        <source>Cancel ticket</source>
        <translation>整单取消</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="719"/>
        <source>Cancel the ticket (Enter)</source>
        <translation>确认整单取消 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="726"/>
        <source>The ticket is cancelled.</source>
        <translation>已整单取消。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="728"/>
        <source>Give back %1 in cash.</source>
        <translation>请退还现金 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="733"/>
        <source>Park or finish the current ticket first.</source>
        <translation>请先挂起或结算当前小票。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="751"/>
        <source>Ticket resumed.</source>
        <translation>已取单。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="765"/>
        <source>The ticket is empty: scan something first.</source>
        <translation>小票为空，请先扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="817"/>
        <source>Sale %1 complete: change %2.</source>
        <translation>交易 %1 完成，找零 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="827"/>
        <source>The receipt was not printed: %1</source>
        <translation>小票未打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="849"/>
        <source>No sale to reprint yet.</source>
        <translation>还没有可重打的小票</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="853"/>
        <source>Receipt %1 reprinted.</source>
        <translation>已重打小票 %1</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="879"/>
        <source>Topped up %1 (bonus %2): take the cash.</source>
        <translation>已充值 %1（赠送 %2）：请收取现金。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="880"/>
        <source>Topped up %1 (bonus %2), paid by payment code.</source>
        <translation>已充值 %1（赠送 %2），付款码支付。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="889"/>
        <source>Scan the goods first, then the coupon.</source>
        <translation>请先扫商品，再用券。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="898"/>
        <location filename="../../ui/checkout.py" line="921"/>
        <location filename="../../ui/checkout.py" line="953"/>
        <source>There is nothing to pay yet.</source>
        <translation>还没有需要支付的金额。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="913"/>
        <source>Stored value taken; %1 still due.</source>
        <translation>储值已扣款，还需收 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="924"/>
        <source>Nothing is due on this ticket.</source>
        <translation>本单已无应收金额。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="930"/>
        <source>Confirm the payment on your phone</source>
        <translation>请在手机上确认付款</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="941"/>
        <source>Paid by payment code; %1 still due.</source>
        <translation>付款码已收款，还需支付 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="999"/>
        <source>Return %1: refund %2 in cash</source>
        <translation>退货 %1：现金退款 %2</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="1002"/>
        <source>, %1 back to the card</source>
        <translation>，%1 退回储值卡</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="1004"/>
        <source>, %1 back as points</source>
        <translation>，%1 退回积分</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="956"/>
        <source>Attach the member first (Ctrl+M).</source>
        <translation>请先关联会员（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="1015"/>
        <source>Refund %1 paid in cash: %2</source>
        <translation>退款 %1 已付现金：%2</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="1027"/>
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
        <location filename="../../ui/loyalty.py" line="195"/>
        <source>Coupon</source>
        <translation>用券</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="195"/>
        <source>Use coupon (Enter)</source>
        <translation>使用 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="199"/>
        <source>Coupon code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="218"/>
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
        <location filename="../../ui/loyalty.py" line="688"/>
        <source>Sell a gift card</source>
        <translation>售卖礼品卡</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="688"/>
        <source>Add (Enter)</source>
        <translation>添加 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="696"/>
        <source>Scan the barcode on the back of the card</source>
        <translation>扫描卡背面的条码</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="699"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="711"/>
        <source>Scan or type the card number.</source>
        <translation>请扫描或输入卡号。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/board.py" line="253"/>
        <source>Pickup code the customer shows or says</source>
        <translation>顾客出示或报出的自提码</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="257"/>
        <source>Hand the bag to the rider %1</source>
        <translation>把货袋交给骑手 %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="265"/>
        <source>Enter the pickup code</source>
        <translation>请输入自提码</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="276"/>
        <source>Order %1 handed over.</source>
        <translation>订单 %1 已交付。</translation>
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
    <name>LabelsPage</name>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="40"/>
        <source>By the product (promotion label when on promotion)</source>
        <extracomment>label rolls a store keeps (mm)</extracomment>
        <translation>按商品（促销中用促销价签）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="41"/>
        <source>Shelf label</source>
        <translation>普通价签</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="42"/>
        <source>Promotion label</source>
        <translation>促销价签</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="45"/>
        <source>Price changed</source>
        <translation>调价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="46"/>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="47"/>
        <source>Asked for</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="67"/>
        <source>Shelf labels</source>
        <translation>价签</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="77"/>
        <source>Label stock</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="79"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="84"/>
        <source>Scan a product to print its label now</source>
        <translation>扫描商品，立即打印其价签</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="96"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="96"/>
        <source>Price</source>
        <translation>零售价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="96"/>
        <source>Promotion price</source>
        <translation>促销价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="97"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="114"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="116"/>
        <source>Print selected</source>
        <translation>打印所选</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="118"/>
        <source>Print all</source>
        <translation>全部打印</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="168"/>
        <source>%1 labels to print</source>
        <translation>待打印价签 %1 张</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="188"/>
        <source>No labels to print.</source>
        <translation>没有待打印的价签。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="200"/>
        <source>This till has no label printer.</source>
        <translation>本收银台未连接标签打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="217"/>
        <source>%1 labels sent to the label printer.</source>
        <translation>已发送 %1 张价签到标签打印机。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="63"/>
        <source>OmniStore checkout</source>
        <translation>OmniStore 收银</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="67"/>
        <source>Till %1</source>
        <translation>收银台 %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="73"/>
        <source>Operator code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="76"/>
        <location filename="../../ui/screens.py" line="81"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="80"/>
        <source>Operator</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="87"/>
        <source>Log in (Enter)</source>
        <translation>登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="91"/>
        <source>Hardware diagnostics (F2)</source>
        <translation>设备诊断 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="96"/>
        <source>Change my PIN (F3)</source>
        <translation>修改密码 (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="141"/>
        <source>Enter your operator code.</source>
        <extracomment>the change-PIN dialog while it is open</extracomment>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="145"/>
        <source>Enter your PIN.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="149"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="174"/>
        <source>PIN changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="116"/>
        <source>OmniStore checkout</source>
        <extracomment>whose login opens the back office (a supervisor sees the modules their role allows) the till&apos;s data directory: its devices.json, print queues and logs</extracomment>
        <translation>OmniStore 收银</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="171"/>
        <source>Till: %1</source>
        <extracomment>线上订单: the board&apos;s window once opened, and the change stream behind the badge the back office of a manager or supervisor logged in (built at their login)</extracomment>
        <translation>收银台：%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="179"/>
        <location filename="../../ui/app.py" line="437"/>
        <source>HQ sync (Ctrl+S)</source>
        <translation>总部同步 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="205"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="213"/>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="213"/>
        <source>supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="213"/>
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="215"/>
        <source>Operator: %1 (%2)</source>
        <translation>操作员：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="267"/>
        <source>Online orders (%1)</source>
        <translation>线上订单（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="372"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="462"/>
        <source>Printer: OK</source>
        <translation>打印机：正常</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="464"/>
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="466"/>
        <source>Printer: status unknown</source>
        <translation>打印机：状态未知</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="488"/>
        <source>Server: online</source>
        <translation>服务器：在线</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="488"/>
        <source>Server: OFFLINE</source>
        <translation>服务器：离线</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188"/>
        <source>Back office</source>
        <translation>后台</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="39"/>
        <source>Regular member</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="40"/>
        <source>Silver member</source>
        <translation>银卡会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="41"/>
        <source>Gold member</source>
        <translation>金卡会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="42"/>
        <source>Diamond member</source>
        <translation>钻石会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="50"/>
        <source>Points %1</source>
        <translation>积分 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="51"/>
        <source>Stored value %1</source>
        <translation>储值 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="54"/>
        <source> (%1 expire on %2)</source>
        <translation>（%1 分将于 %2 到期）</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="123"/>
        <location filename="../../ui/loyalty.py" line="130"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="123"/>
        <source>Find (Enter)</source>
        <translation>查找 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="128"/>
        <source>Member code, phone or card number</source>
        <translation>会员码、手机号或卡号</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="132"/>
        <source>Name (only to register)</source>
        <translation>姓名（仅注册时填写）</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="133"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="144"/>
        <source>Register this phone</source>
        <translation>用此手机号注册</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="166"/>
        <source>Scan the member code or type a phone or card number.</source>
        <translation>请扫会员码，或输入手机号、卡号。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="180"/>
        <source>until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="183"/>
        <source>Recent: %1</source>
        <translation>最近消费：%1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="185"/>
        <source>No purchases yet.</source>
        <translation>暂无消费记录。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="186"/>
        <source>Attach to ticket (Enter)</source>
        <translation>关联到本单 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="187"/>
        <source>Member found.</source>
        <translation>已找到会员。</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../ui/backoffice/members.py" line="33"/>
        <source>Member</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="34"/>
        <source>Silver</source>
        <translation>银卡会员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="35"/>
        <source>Gold</source>
        <translation>金卡会员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="36"/>
        <source>Diamond</source>
        <translation>钻石会员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="39"/>
        <source>Earned on a sale</source>
        <translation>消费获得</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="40"/>
        <source>Taken back by a return</source>
        <translation>退货扣回</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="41"/>
        <source>Spent</source>
        <translation>抵现使用</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="42"/>
        <source>Refunded</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="43"/>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="44"/>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="45"/>
        <source>Top-up cancelled</source>
        <translation>充值撤销</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="46"/>
        <source>Activated</source>
        <translation>激活</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="47"/>
        <source>Usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="48"/>
        <source>Held for a sale</source>
        <translation>锁定中</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="49"/>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="50"/>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="82"/>
        <source>Phone, card or member number — or scan the member code</source>
        <extracomment>the top-up dialog while it is open</extracomment>
        <translation>手机号、卡号或会员号，或扫描会员码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="86"/>
        <source>Find (Enter)</source>
        <translation>查询 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="90"/>
        <source>Top up (Ctrl+T)</source>
        <translation>充值 (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="112"/>
        <location filename="../../ui/backoffice/members.py" line="114"/>
        <location filename="../../ui/backoffice/members.py" line="116"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="112"/>
        <location filename="../../ui/backoffice/members.py" line="117"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="112"/>
        <source>Sale</source>
        <translation>销售单</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="112"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="113"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="114"/>
        <location filename="../../ui/backoffice/members.py" line="116"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="114"/>
        <location filename="../../ui/backoffice/members.py" line="120"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="114"/>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="116"/>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="116"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="117"/>
        <source>Bonus</source>
        <translation>赠送</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="118"/>
        <source>Coupon</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="118"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="118"/>
        <source>Value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="118"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="119"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="120"/>
        <source>Purchases</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="121"/>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="121"/>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="148"/>
        <source>Asking HQ…</source>
        <translation>正在查询总部…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="171"/>
        <source>Topped up %1 (bonus %2).</source>
        <translation>已充值 %1（赠送 %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="188"/>
        <source>%1 · growth %2, %3 more to %4</source>
        <translation>%1 · 成长值 %2，再 %3 升级为%4</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="192"/>
        <source>%1 · growth %2</source>
        <translation>%1 · 成长值 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="194"/>
        <source>Points %1</source>
        <translation>积分 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="195"/>
        <source>Stored value %1</source>
        <translation>储值余额 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/members.py" line="196"/>
        <source>Member since %1, %2</source>
        <translation>%1 入会，%2</translation>
    </message>
</context>
<context>
    <name>NoReceiptReturnDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="605"/>
        <source>Return without receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="605"/>
        <source>Refund (Enter)</source>
        <translation>退款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="608"/>
        <source>Refunded in cash at today&apos;s shelf price, without promotions. A manager must allow it.</source>
        <extracomment>(code, quantity) coming back, once the cashier confirms; the checkout runs the return</extracomment>
        <translation>按今日货架价（不含促销）退现金，须店长授权。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="614"/>
        <source>Scan each item coming back</source>
        <translation>逐件扫描退回的商品</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="616"/>
        <location filename="../../ui/loyalty.py" line="620"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="618"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="620"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="620"/>
        <source>Return</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="643"/>
        <source>%1 is sold by weight: it can only come back with its receipt.</source>
        <translation>%1 是称重商品：只能凭小票退货。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="662"/>
        <source>Refund %1 in cash</source>
        <translation>退现金 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="677"/>
        <source>Scan what comes back first.</source>
        <translation>请先扫描要退的商品。</translation>
    </message>
</context>
<context>
    <name>O2OBoard</name>
    <message>
        <location filename="../../ui/board.py" line="66"/>
        <source>New</source>
        <extracomment>how long the server may hold one wait for changes (seconds) the new-order sound repeats this often (ms) until someone accepts</extracomment>
        <translation>待接单</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="67"/>
        <source>Picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="68"/>
        <source>To pack</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="69"/>
        <source>Pickup / delivery</source>
        <translation>待取货/待配送</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="70"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="71"/>
        <source>Cancelled / problems</source>
        <translation>取消/异常</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="77"/>
        <source>Own shop</source>
        <translation>自营商城</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="78"/>
        <source>Meituan</source>
        <translation>美团外卖</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="79"/>
        <source>Ele.me</source>
        <translation>饿了么</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="97"/>
        <source>Sold out</source>
        <extracomment>a card shows this many of the order number&apos;s last characters (the bag label and the tooltip show it whole)</extracomment>
        <translation>商品售罄</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="98"/>
        <source>Closed</source>
        <translation>已打烊</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="99"/>
        <source>Too busy</source>
        <translation>太忙</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="128"/>
        <source>%1 items · %2</source>
        <translation>%1 件 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="131"/>
        <source>Accept within %1</source>
        <translation>剩余接单时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="133"/>
        <source>CANCELLED WHILE PICKING: put the goods back</source>
        <translation>拣货中被取消：请把商品放回货架</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="135"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="137"/>
        <source>HQ refused: %1</source>
        <translation>总部拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="139"/>
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="479"/>
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
        <location filename="../../ui/dialogs.py" line="481"/>
        <source>This needs a supervisor or a manager: %1</source>
        <translation>此操作需要主管或店长授权：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="482"/>
        <source>This needs authorisation: %1</source>
        <translation>此操作需要授权：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="487"/>
        <source>void a line</source>
        <translation>删除商品行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="488"/>
        <source>change a price</source>
        <translation>修改单价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="489"/>
        <source>open the drawer without a sale</source>
        <translation>无交易开钱箱</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="490"/>
        <source>open hardware diagnostics</source>
        <translation>打开设备诊断</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="491"/>
        <source>cancel the whole ticket</source>
        <translation>整单取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="492"/>
        <source>refund above the store&apos;s limit</source>
        <translation>超过门店限额的退款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="493"/>
        <source>take goods back without a receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="494"/>
        <source>approve a stock count and post its differences</source>
        <translation>审核盘点单并过账差异</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="495"/>
        <source>pay a refused payment-code refund in cash</source>
        <translation>将被拒绝的付款码退款改付现金</translation>
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
    <name>PaycodeDialog</name>
    <message>
        <location filename="../../ui/paycode.py" line="53"/>
        <source>Payment code</source>
        <extracomment>how often the dialog asks the store server how the payment stands how often the refunds dialog asks how the refunds stand an override the store server turned down: ask the manager again the provider could not be reached at all (the client&apos;s code for a network failure)</extracomment>
        <translation>付款码收款</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="53"/>
        <source>Check payment (F5)</source>
        <translation>查单 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="62"/>
        <source>Cancel payment (Esc)</source>
        <translation>取消支付 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="64"/>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="71"/>
        <source>Scan the customer&apos;s payment code.</source>
        <translation>请扫描顾客的付款码。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="92"/>
        <source>A payment is still being confirmed: wait, or cancel it first.</source>
        <translation>有一笔支付尚未完成：请稍候，或先取消。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="95"/>
        <source>That is not a WeChat Pay or Alipay payment code.</source>
        <translation>这不是微信或支付宝付款码。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="98"/>
        <source>Sending the payment…</source>
        <translation>正在提交支付…</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="121"/>
        <source>Cancelling the payment…</source>
        <translation>正在撤销支付…</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="179"/>
        <source>The payment provider cannot be reached: take another tender.</source>
        <translation>无法连接支付平台，请改用其他方式收款。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="183"/>
        <source>Waiting for the customer to enter the password… (%1 s)</source>
        <translation>等待顾客输入密码…（%1 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="188"/>
        <source>The payment is being cancelled; the customer is not charged.</source>
        <translation>正在撤销这笔支付，顾客不会被扣款。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="201"/>
        <source>Not paid: %1. Scan another code or take another tender.</source>
        <translation>未支付：%1。请重新扫码或改用其他方式收款。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="203"/>
        <source>The payment was cancelled; the customer is not charged.</source>
        <translation>支付已撤销，顾客未被扣款。</translation>
    </message>
</context>
<context>
    <name>PaycodeRefundsDialog</name>
    <message>
        <location filename="../../ui/paycode.py" line="268"/>
        <source>Refunds to payment codes</source>
        <translation>付款码退款</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="268"/>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="285"/>
        <source>Cash refund</source>
        <translation>现金退款</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="333"/>
        <source>%1 %2: refunded to the customer</source>
        <translation>%1 %2：已退回顾客</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="335"/>
        <source>%1 %2: refused by the provider (%3). Refund it in cash with a manager.</source>
        <translation>%1 %2：支付机构拒绝退款（%3）。请经店长授权后退现金。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="337"/>
        <source>%1 %2: refunded in cash</source>
        <translation>%1 %2：已退现金</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="339"/>
        <source>%1 %2: refund pending…</source>
        <translation>%1 %2：退款处理中…</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="340"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="340"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
</context>
<context>
    <name>PinResetDialog</name>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="48"/>
        <source>Reset the PIN of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="49"/>
        <source>Reset (Enter)</source>
        <translation>重置 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="51"/>
        <source>Give the operator this one-time PIN: at their next login they choose their own.</source>
        <translation>把这个一次性密码告诉操作员：下次登录时须设置自己的新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="61"/>
        <source>One-time PIN</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="62"/>
        <source>Once more</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="70"/>
        <source>4 to 8 digits, not all the same and not a run like 1234.</source>
        <translation>4–8 位数字，不能全部相同，不能是 1234 这样的连续数字。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="74"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/backoffice/shell.py" line="119"/>
        <source>This module is not available in this version yet.</source>
        <translation>此模块在本版本中尚不可用。</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="434"/>
        <source>Pay with points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="434"/>
        <source>Pay (Enter)</source>
        <translation>支付 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="438"/>
        <source>%1 points: up to %2 (%3 points = %4)</source>
        <translation>积分 %1：最多抵 %2（%3 积分 = %4）</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="445"/>
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
    <name>ReconWindow</name>
    <message>
        <location filename="../../ui/recon.py" line="190"/>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="203"/>
        <source>Store code (empty: every store)</source>
        <translation>门店编码（留空：全部门店）</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="204"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="205"/>
        <source>Import a bill…</source>
        <translation>导入账单…</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="210"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="220"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="220"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="221"/>
        <location filename="../../ui/recon.py" line="244"/>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="227"/>
        <location filename="../../ui/recon.py" line="242"/>
        <location filename="../../ui/recon.py" line="249"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="227"/>
        <source>Bill day</source>
        <translation>账单日</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="227"/>
        <source>Due</source>
        <translation>应到账日</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="228"/>
        <source>Expected</source>
        <translation>应回款</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="228"/>
        <location filename="../../ui/recon.py" line="242"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="228"/>
        <source>Arrived</source>
        <translation>到账日</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="232"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="233"/>
        <source>Payouts</source>
        <translation>回款</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="238"/>
        <source>Choose a day</source>
        <translation>请选择日期</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="242"/>
        <source>Ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="243"/>
        <source>Theirs</source>
        <translation>渠道方</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="243"/>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="243"/>
        <source>Payout</source>
        <translation>应结算</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="249"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="249"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="250"/>
        <source>Our sale</source>
        <translation>我方销售单</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="250"/>
        <source>Bill row</source>
        <translation>账单行</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="250"/>
        <source>Resolution</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="261"/>
        <source>Resolve…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="262"/>
        <source>Close the day</source>
        <translation>关闭当日对账</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="263"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="276"/>
        <source>This store</source>
        <translation>本店</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="292"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="292"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="292"/>
        <source>Meituan</source>
        <translation>美团</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="292"/>
        <source>Ele.me</source>
        <translation>饿了么</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="295"/>
        <source>Matched</source>
        <translation>已平</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="295"/>
        <source>Differences</source>
        <translation>有差异</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="296"/>
        <source>Missing bill</source>
        <translation>缺账单</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="296"/>
        <source>Nothing</source>
        <translation>无交易</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="299"/>
        <source>Ours only (short)</source>
        <translation>单边账：我方有（短款）</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="299"/>
        <source>Provider only (over)</source>
        <translation>单边账：渠道有（长款）</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="300"/>
        <source>Amount differs</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="300"/>
        <source>Reversed after success</source>
        <translation>支付成功后被撤销</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="301"/>
        <source>Reversed, closed</source>
        <translation>已撤销（已闭环）</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="301"/>
        <source>Other day (cut-off)</source>
        <translation>跨日（渠道日切）</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="302"/>
        <source>Refund of another day</source>
        <translation>退他日交易</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="303"/>
        <source>Awaiting the bill</source>
        <translation>等待账单</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="332"/>
        <source>Received</source>
        <translation>已到账</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="332"/>
        <source>Pending</source>
        <translation>未到账</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="332"/>
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/recon.py" line="362"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="376"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="376"/>
        <source>open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="398"/>
        <source>to resolve</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="411"/>
        <source>Cash: counted %1, deposited %2, banked %3</source>
        <translation>现金：盘点 %1，缴款 %2，到账 %3</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="433"/>
        <source>Bill row: %1 %2 at %3, fee %4, %5</source>
        <translation>账单行：%1 %2 于 %3，手续费 %4，%5</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="443"/>
        <source>Our sale: %1 at till %2, %3, total %4</source>
        <translation>我方销售单：%1 收银台 %2，%3，合计 %4</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="450"/>
        <source>Receipt:</source>
        <translation>小票：</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="458"/>
        <source>Payment attempts: none</source>
        <translation>付款码收款记录：无</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="459"/>
        <source>Payment attempts:</source>
        <translation>付款码收款记录：</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="466"/>
        <source>Refund %1 of %2: %3 %4</source>
        <translation>退款 %1（原交易 %2）：%3 %4</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="500"/>
        <source>Reopen the day</source>
        <translation>重新打开当日对账</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="500"/>
        <source>Why is it reopened?</source>
        <translation>重新打开的原因？</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="511"/>
        <source>Import a bill</source>
        <translation>导入账单</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="512"/>
        <source>Bills (*.csv *.zip *.txt);;All files (*)</source>
        <translation>账单 (*.csv *.zip *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="524"/>
        <source>This file was imported before: nothing changed.</source>
        <translation>此文件已导入过：没有任何变化。</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="526"/>
        <source>%1 rows, %2 new, %3 unreadable</source>
        <translation>%1 行，新增 %2 行，%3 行无法读取</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../ui/recon.py" line="163"/>
        <source>Resolve a difference</source>
        <extracomment>a state&apos;s colour on the calendar HQ finance: every store, the payouts, the import, reopening a day</extracomment>
        <translation>处理差异</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="165"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="167"/>
        <source>Write off</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="167"/>
        <source>Adjust</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="168"/>
        <source>Refund owed to the customer</source>
        <translation>应退顾客</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="168"/>
        <source>Chase the provider</source>
        <translation>向渠道追款</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="171"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="173"/>
        <source>What was found, what was done</source>
        <translation>查到了什么、做了什么</translation>
    </message>
    <message>
        <location filename="../../ui/recon.py" line="174"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="477"/>
        <location filename="../../ui/loyalty.py" line="504"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="477"/>
        <location filename="../../ui/loyalty.py" line="525"/>
        <source>Find sale (Enter)</source>
        <translation>查找销售单 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="484"/>
        <source>Scan the receipt barcode, or type the amount, member or goods code</source>
        <extracomment>(line id, quantity) to bring back, once the cashier confirms; the checkout runs the return</extracomment>
        <translation>扫描小票条码，或输入金额、会员卡号、商品条码查单</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="487"/>
        <location filename="../../ui/loyalty.py" line="497"/>
        <source>Sale</source>
        <extracomment>查单: the day&apos;s sales that match what was typed, when there is no receipt barcode to scan</extracomment>
        <translation>销售单</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="492"/>
        <source>Sold on</source>
        <translation>销售日期</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="494"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="497"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="497"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="497"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="504"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="504"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="504"/>
        <source>Can return</source>
        <translation>可退</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="509"/>
        <source>No receipt…</source>
        <extracomment>the cashier chose 无小票退货 instead: the checkout opens that dialog</extracomment>
        <translation>无小票退货…</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="536"/>
        <source>Scan the receipt barcode or type the sale number.</source>
        <translation>请扫描小票条码或输入单号。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="549"/>
        <source>Choose how many of which item come back.</source>
        <translation>请选择要退的商品和数量。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="566"/>
        <source>%1 sales match: pick one (Enter).</source>
        <translation>找到 %1 笔销售：请选择一笔（回车）。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="568"/>
        <source>No sale of that day matches.</source>
        <translation>当天没有符合的销售单。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="583"/>
        <source>Gift cards sold are not taken back.</source>
        <translation>已售礼品卡不予退货。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="592"/>
        <source>Refund (Enter)</source>
        <translation>退款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="594"/>
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
    <name>ScanLines</name>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="93"/>
        <source>Scan or type a barcode, then Enter</source>
        <translation>扫描或输入条码，按回车</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="97"/>
        <source>Pieces, or grams for weighed goods</source>
        <translation>件数；称重商品为克数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="98"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="100"/>
        <location filename="../../ui/backoffice/stock.py" line="104"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="104"/>
        <source>Code</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="106"/>
        <source>Clear the lines</source>
        <translation>清空明细</translation>
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
    <name>ShelvesPage</name>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="51"/>
        <source>Online orders are picked in this order: by location, then the goods without one. A location is letters or digits joined by - . / (e.g. A-03-2).</source>
        <extracomment>the store server takes a CSV of at most this many bytes in one request</extracomment>
        <translation>线上订单按此顺序拣货：先按货位，再拣没有货位的商品。货位由字母或数字组成，用 - . / 分隔（如 A-03-2）。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="58"/>
        <source>Scan or type the product</source>
        <translation>扫描或输入商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="60"/>
        <source>Location, e.g. A-03-2 (empty: none)</source>
        <translation>货位，如 A-03-2（留空：无货位）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="64"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="67"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="77"/>
        <source>Location</source>
        <translation>货位</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="77"/>
        <source>Product code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="77"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="113"/>
        <source>Scan or type the product first</source>
        <translation>请先扫描或输入商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="119"/>
        <source>Saved: %1 → %2</source>
        <translation>已保存：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="120"/>
        <source>no location</source>
        <translation>无货位</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="131"/>
        <source>Import shelf locations</source>
        <translation>导入货位</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="132"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="141"/>
        <source>The file is too large to send from here: import it on the store server&apos;s PC with &apos;omnistore shelves import&apos;.</source>
        <translation>文件太大，无法从这里发送：请在门店服务器电脑上用 &apos;omnistore shelves import&apos; 导入。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="146"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/shelves.py" line="152"/>
        <source>Imported: %1 set, %2 cleared.</source>
        <translation>已导入：设置 %1 个，清除 %2 个。</translation>
    </message>
</context>
<context>
    <name>ShiftCloseScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="322"/>
        <source>Over</source>
        <translation>长款</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="324"/>
        <source>Short</source>
        <translation>短款</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="325"/>
        <source>Balanced</source>
        <translation>无长短款</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="342"/>
        <source>Close shift</source>
        <extracomment>Back to the checkout without closing. The shift is closed (ShiftClose); the cashier has seen the result. &quot;Done&quot;: the cashier leaves the till.</extracomment>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="358"/>
        <source>Cash counted (￥)</source>
        <translation>实点现金 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="364"/>
        <source>Expected in drawer</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="365"/>
        <source>Counted</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="381"/>
        <source>Back to checkout (Esc)</source>
        <translation>返回收银 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="384"/>
        <source>Close shift (Enter)</source>
        <translation>确认交班 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="387"/>
        <source>Done, log out (Enter)</source>
        <translation>完成并退出 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="402"/>
        <source>%1, count the cash in the drawer and enter the total. The expected amount is shown after you close.</source>
        <translation>%1，请清点钱箱内的全部现金并输入合计。交班后才显示应有金额。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="445"/>
        <source>Enter the cash counted, such as 1268.50 (0 for an empty drawer).</source>
        <translation>请输入实点现金，例如 1268.50（钱箱为空输入 0）</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="450"/>
        <source>Closing the shift…</source>
        <translation>正在交班…</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="470"/>
        <source>The shift is closed.</source>
        <translation>交班完成。</translation>
    </message>
</context>
<context>
    <name>ShiftOpenScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="252"/>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="264"/>
        <source>Float (￥)</source>
        <translation>备用金 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="271"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="274"/>
        <source>Open shift (Enter)</source>
        <translation>开班 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="285"/>
        <source>%1, count the float into the drawer.</source>
        <translation>%1，请清点备用金放入钱箱。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="303"/>
        <source>Enter the float as an amount, such as 500 or 200.50.</source>
        <translation>请输入备用金金额，如 500 或 200.50。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="30"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="31"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="32"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="90"/>
        <source>Operators of this store</source>
        <translation>本店人员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="93"/>
        <source>Code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="93"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="93"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="93"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="94"/>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="94"/>
        <location filename="../../ui/backoffice/staff.py" line="118"/>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="101"/>
        <location filename="../../ui/backoffice/staff.py" line="208"/>
        <source>Lock (Ctrl+L)</source>
        <translation>停用 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="103"/>
        <source>Reset PIN (Ctrl+R)</source>
        <translation>重置密码 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="105"/>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="115"/>
        <source>Logins</source>
        <translation>登录记录</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="118"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="118"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="151"/>
        <source>%1 is locked: they cannot log in.</source>
        <translation>已停用 %1：不能再登录。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="152"/>
        <source>%1 may log in again.</source>
        <translation>已启用 %1：可以重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="167"/>
        <source>PIN of %1 reset: they choose a new one at their next login.</source>
        <translation>已重置 %1 的密码：下次登录时须设置新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="177"/>
        <source>Inactive</source>
        <translation>已离职</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="179"/>
        <source>Locked</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="181"/>
        <source>Wrong PINs: locked for a while</source>
        <translation>密码错误过多，暂时锁定</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="183"/>
        <source>Must choose a new PIN</source>
        <translation>须设置新密码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="184"/>
        <source>Logged in</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="184"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="207"/>
        <source>Unlock (Ctrl+L)</source>
        <translation>启用 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="209"/>
        <source>Logins of %1</source>
        <translation>%1 的登录记录</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="217"/>
        <source>Open</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff.py" line="217"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="43"/>
        <source>Expired</source>
        <extracomment>报损 reasons as the store says them (the API&apos;s codes)</extracomment>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="44"/>
        <source>Broken</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="45"/>
        <source>Spoiled</source>
        <translation>变质</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="46"/>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="47"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="50"/>
        <source>On the way</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="51"/>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="52"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="140"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="144"/>
        <location filename="../../ui/backoffice/stock.py" line="185"/>
        <source>On hand</source>
        <translation>库存查询</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="145"/>
        <source>Receive</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="146"/>
        <source>Damage</source>
        <translation>报损</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="147"/>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="148"/>
        <source>Transfers</source>
        <translation>调拨</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="150"/>
        <source>Shelf locations</source>
        <translation>货位</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="177"/>
        <source>Name, pinyin initials (nfsq), SKU or barcode</source>
        <translation>品名、拼音首字母（nfsq）、货号或条码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="179"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="184"/>
        <location filename="../../ui/backoffice/stock.py" line="318"/>
        <location filename="../../ui/backoffice/stock.py" line="320"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="184"/>
        <location filename="../../ui/backoffice/stock.py" line="318"/>
        <location filename="../../ui/backoffice/stock.py" line="320"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="184"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="184"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="188"/>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="189"/>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="209"/>
        <source>%1–%2 of %3 products</source>
        <translation>第 %1–%2 种，共 %3 种商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="221"/>
        <source>The supplier on the delivery note</source>
        <translation>送货单上的供应商</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="223"/>
        <source>Delivery note number</source>
        <translation>送货单号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="224"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="225"/>
        <source>Delivery note</source>
        <translation>送货单</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="229"/>
        <source>Goods sent by another store are received on the Transfers tab.</source>
        <translation>其他门店调来的商品请在“调拨”页收货。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="232"/>
        <source>Post the delivery</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="241"/>
        <source>Who delivered? Enter the supplier.</source>
        <translation>请填写供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="245"/>
        <location filename="../../ui/backoffice/stock.py" line="281"/>
        <location filename="../../ui/backoffice/stock.py" line="488"/>
        <source>Scan the goods first.</source>
        <translation>请先扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="251"/>
        <source>Received: %1 products.</source>
        <translation>已收货：%1 种商品。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="267"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="268"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="272"/>
        <source>Write off</source>
        <translation>确认报损</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="289"/>
        <source>Written off: %1 products.</source>
        <translation>已报损：%1 种商品。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="302"/>
        <source>Start a count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="309"/>
        <source>Scan what is on the shelf, then Enter</source>
        <translation>扫描货架上的商品，按回车</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="315"/>
        <location filename="../../ui/backoffice/stock.py" line="318"/>
        <location filename="../../ui/backoffice/stock.py" line="320"/>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="320"/>
        <source>Book</source>
        <translation>账面数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="321"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="325"/>
        <source>Variance list</source>
        <translation>差异表</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="327"/>
        <source>Approve and post</source>
        <translation>审核并过账</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="330"/>
        <source>Cancel the count</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="347"/>
        <source>No count is open. Starting one takes a snapshot of the book.</source>
        <translation>当前没有盘点单。开始盘点时将记录账面库存快照。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="349"/>
        <source>Count %1 — counted blind: the book shows only in the variance list.</source>
        <translation>盘点单 %1 —— 盲盘：账面数只在差异表中显示。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="387"/>
        <source>%1 products differ from the book.</source>
        <translation>%1 种商品与账面不符。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="402"/>
        <source>Count %1 approved: %2 adjustments posted.</source>
        <translation>盘点单 %1 已审核：已过账 %2 笔调整。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="415"/>
        <source>The count was cancelled: nothing was posted.</source>
        <translation>盘点已取消，未过账任何调整。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="424"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="424"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="424"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="424"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="425"/>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="428"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="435"/>
        <source>The receiving store&apos;s code</source>
        <translation>调入门店编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="436"/>
        <source>Send to store</source>
        <translation>调入门店</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="441"/>
        <source>Receive the selected transfer</source>
        <translation>所选调拨单收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="443"/>
        <source>Send transfer</source>
        <translation>调拨出库</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="457"/>
        <source>Out</source>
        <translation>调出</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="457"/>
        <source>In</source>
        <translation>调入</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="467"/>
        <source>Enter the receiving store and scan the goods.</source>
        <translation>请填写调入门店并扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="473"/>
        <source>Transfer %1 sent to %2.</source>
        <translation>调拨单 %1 已发往 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="484"/>
        <source>Choose an incoming transfer on the way.</source>
        <translation>请选择一张在途的调入单。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock.py" line="495"/>
        <source>Transfer %1 received; %2 lines differ.</source>
        <translation>调拨单 %1 已收货；%2 行有差异。</translation>
    </message>
</context>
<context>
    <name>StoreClient</name>
    <message>
        <location filename="../../ui/api.py" line="412"/>
        <source>The store server cannot be reached. Check the network.</source>
        <extracomment>(connect, read) seconds. A till must say &quot;offline&quot; quickly rather than hang a scan. the promotion that priced the line (第2件5折), or 改价 with the shelf price the shelf price; a line priced by hand (改价) has another ``unit_price`` what the promotions took off the lines (already out of ``subtotal``), as the server priced them still due by a tender other than cash: exact fen, 抹零 applies only to cash A store server without the sync endpoints (or not enrolled with HQ) reports this. 货位 in this store, when the manager set one</extracomment>
        <translation>无法连接门店服务器，请检查网络。</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="429"/>
        <source>The server refused the request (%1).</source>
        <translation>服务器拒绝了请求（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/api.py" line="436"/>
        <source>The server sent an unreadable answer.</source>
        <translation>服务器返回了无法识别的数据。</translation>
    </message>
</context>
<context>
    <name>StoredValueDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="228"/>
        <source>Pay with stored value</source>
        <translation>储值支付</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="228"/>
        <source>Pay (Enter)</source>
        <translation>支付 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="236"/>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="237"/>
        <source>Amount (￥)</source>
        <translation>金额 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="277"/>
        <source>Balance %1</source>
        <translation>余额 %1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="287"/>
        <source>The card pays %1; the rest is paid another way.</source>
        <translation>此卡可付 %1，其余请用其他方式支付。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="279"/>
        <source>(valid until %1)</source>
        <translation>（有效期至 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="282"/>
        <source>This gift card has expired; it cannot pay.</source>
        <translation>此礼品卡已过期，不能支付。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="284"/>
        <source>The card is empty.</source>
        <translation>卡内余额为零。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="293"/>
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
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="100"/>
        <source>Top up a stored-value card: cash in, the card credited with its bonus</source>
        <translation>储值充值：收取现金，卡内计入充值金额和赠送</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="102"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="103"/>
        <source>Return goods of an earlier sale</source>
        <translation>退货（之前的销售单）</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="105"/>
        <source>HQ sync</source>
        <translation>总部同步</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="106"/>
        <source>HQ sync status and stuck uploads</source>
        <translation>总部同步状态和上传失败的数据</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="108"/>
        <source>Select a line</source>
        <translation>选择商品行</translation>
    </message>
    <message>
        <location filename="../../ui/keys.py" line="109"/>
        <source>Type 3* before a code to sell 3 of it</source>
        <translation>在编码前输入 3* 即售出 3 件</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <location filename="../../ui/loyalty.py" line="313"/>
        <source>Top up stored value</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="313"/>
        <location filename="../../ui/loyalty.py" line="367"/>
        <source>Top up (Enter)</source>
        <translation>充值 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="321"/>
        <source>Cash</source>
        <extracomment>HQ&apos;s answer once the card was credited (its ``entry`` holds the bonus) how the customer paid: cash, or the payment code&apos;s provider (wechat / alipay)</extracomment>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="322"/>
        <source>Payment code</source>
        <translation>付款码收款</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="336"/>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="337"/>
        <location filename="../../ui/loyalty.py" line="366"/>
        <source>Cash received (￥)</source>
        <translation>收取现金（￥）</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="345"/>
        <source>from %1 get %2</source>
        <translation>充 %1 送 %2</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="347"/>
        <source>Bonus: %1</source>
        <translation>充值赠送：%1</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="366"/>
        <source>Amount (￥)</source>
        <translation>金额 (￥)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="367"/>
        <source>Scan the payment code (Enter)</source>
        <translation>扫付款码 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="387"/>
        <source>The card gets %1 (%2 bonus).</source>
        <translation>卡内将增加 %1（含赠送 %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/loyalty.py" line="397"/>
        <source>Scan or type the card number.</source>
        <translation>请扫描或输入卡号。</translation>
    </message>
</context>
<context>
    <name>TopUpPaycodeDialog</name>
    <message>
        <location filename="../../ui/paycode.py" line="221"/>
        <source>Top up by payment code</source>
        <translation>付款码充值</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="242"/>
        <source>HQ refused the card (%1): the payment was refunded to the customer.</source>
        <extracomment>the attempt once the card was credited (its ``topup``)</extracomment>
        <translation>总部拒绝了此卡（%1）：款项已退回顾客。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="244"/>
        <source>HQ refused the card (%1), and the provider refused the refund: refund it in cash with a manager.</source>
        <translation>总部拒绝了此卡（%1），且支付机构拒绝退款：请经店长授权后现金退款。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="247"/>
        <source>HQ refused the card (%1): the payment is being refunded to the customer.</source>
        <translation>总部拒绝了此卡（%1）：款项正在退回顾客。</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="249"/>
        <location filename="../../ui/paycode.py" line="257"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/paycode.py" line="255"/>
        <source>Paid. Crediting the card at HQ… (if HQ is away, the store credits it as soon as HQ is back)</source>
        <translation>已付款，正在向总部充值…（总部暂时连不上时，连上后自动充值）</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../ui/checkout.py" line="130"/>
        <source>Items</source>
        <extracomment>&quot;3*6901234567892&quot; sells three of the item. The promotion note under a line&apos;s name: the theme&apos;s accent for money off. Codes that mean &quot;the cashier must fix their credentials&quot;, not &quot;the command failed&quot;.</extracomment>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="131"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="132"/>
        <source>Discounts</source>
        <translation>优惠合计</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="133"/>
        <source>Rounding</source>
        <translation>抹零</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="162"/>
        <source>Still due</source>
        <extracomment>the member on this ticket (Ctrl+M): name, tier, points, stored value the sale whose change is showing, until the next ticket has an item</extracomment>
        <translation>还需收</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="162"/>
        <source>Amount due</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="170"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="135"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/checkout.py" line="134"/>
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
        <location filename="../../ui/loyalty.py" line="89"/>
        <source>Enter an amount greater than zero.</source>
        <extracomment>the ticket as the server returned it, once the dialog&apos;s call succeeded</extracomment>
        <translation>请输入大于零的金额。</translation>
    </message>
</context>
<context>
    <name>board</name>
    <message>
        <location filename="../../ui/board.py" line="245"/>
        <source>Hand over %1</source>
        <translation>交付 %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="246"/>
        <source>Hand over (Enter)</source>
        <translation>交付（回车）</translation>
    </message>
</context>
</TS>
