<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Accounts</name>
    <message>
        <source>There is no villager with the id %1.</source>
        <translation>没有编号为 %1 的村民。</translation>
    </message>
    <message>
        <source>The %1 is too long (at most %2 characters).</source>
        <translation>%1太长（最多 %2 个字符）。</translation>
    </message>
    <message>
        <source>The %1 contains characters that cannot be printed.</source>
        <translation>%1含有无法打印的字符。</translation>
    </message>
    <message>
        <source>The amount must be more than 0.</source>
        <translation>金额必须大于 0。</translation>
    </message>
    <message>
        <source>The amount %1 yuan is too large.</source>
        <translation>金额 %1 元过大。</translation>
    </message>
    <message>
        <source>Choose how the money was paid: cash, WeChat, Alipay or bank transfer.</source>
        <translation>请选择付款方式：现金、微信、支付宝或银行转账。</translation>
    </message>
    <message>
        <source>The credit limit must be from 0 to %1 yuan.</source>
        <translation>赊账额度必须在 0 到 %1 元之间。</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>预存</translation>
    </message>
    <message>
        <source>withdrawal</source>
        <translation>取款</translation>
    </message>
    <message>
        <source>order payment</source>
        <translation>订单付款</translation>
    </message>
    <message>
        <source>on credit</source>
        <translation>赊账</translation>
    </message>
    <message>
        <source>repayment</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>The deposit is not enough: the balance is %1 yuan and %2 yuan are needed.</source>
        <translation>预存余额不足：余额 %1 元，需要 %2 元。</translation>
    </message>
    <message>
        <source>This is beyond the credit limit of %1 yuan: the balance is %2 yuan, so at most %3 yuan can be put on credit, and %4 yuan are needed.</source>
        <translation>超出赊账额度 %1 元：余额 %2 元，最多还可赊 %3 元，本次需要 %4 元。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in yuan: write it like 50 or 12.50.</source>
        <translation>“%1”不是以元为单位的金额：请写成 50 或 12.50 这样的形式。</translation>
    </message>
    <message>
        <source>Give the villager&apos;s name.</source>
        <translation>请填写村民姓名。</translation>
    </message>
    <message>
        <source>Give the villager&apos;s whole mobile number (11 digits), not only its last 4 digits.</source>
        <translation>请填写村民完整的手机号（11 位），而不只是后 4 位。</translation>
    </message>
    <message>
        <source>village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The number %1 already belongs to the villager %2 (id %3).</source>
        <translation>号码 %1 已属于村民 %2（编号 %3）。</translation>
    </message>
    <message>
        <source>Give a phone number, its last 4 digits or a name.</source>
        <translation>请填写手机号、手机号后 4 位或姓名。</translation>
    </message>
    <message>
        <source>Only %1 yuan can be paid out: the balance is %1 yuan, and %2 yuan were asked for.</source>
        <translation>最多只能取出 %1 元：余额为 %1 元，申请取出 %2 元。</translation>
    </message>
    <message>
        <source>A correction moves an amount other than 0, up to %1 yuan either way.</source>
        <translation>更正金额不能为 0，正负最多 %1 元。</translation>
    </message>
    <message>
        <source>Say why the account is corrected.</source>
        <translation>请说明更正账户的原因。</translation>
    </message>
    <message>
        <source>Nothing was changed: the villager&apos;s record already says this.</source>
        <translation>没有任何改动：村民的资料本来就是这样。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>There is no place %1 in the shelf layout.</source>
        <translation>货架布局中没有 %1 这个位置。</translation>
    </message>
    <message>
        <source>Parcel %1 changed since the audit was made; audit this place again.</source>
        <translation>盘点之后包裹 %1 有了变化，请重新盘点这个位置。</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <source>Accepted</source>
        <translation>已收寄</translation>
    </message>
    <message>
        <source>Bagged</source>
        <translation>已装袋</translation>
    </message>
    <message>
        <source>Handed to the van</source>
        <translation>已交车</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Clothing and shoes</source>
        <translation>服装鞋帽</translation>
    </message>
    <message>
        <source>Daily goods</source>
        <translation>日用品</translation>
    </message>
    <message>
        <source>Packaged food</source>
        <translation>包装食品</translation>
    </message>
    <message>
        <source>Farm produce</source>
        <translation>农产品</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>电子产品</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>A resident ID has 18 characters: 17 digits and a last digit or X.</source>
        <translation>居民身份证号码有 18 位：前 17 位是数字，最后一位是数字或 X。</translation>
    </message>
    <message>
        <source>The resident ID %1 is mistyped: its check character does not match.</source>
        <translation>身份证号码 %1 输入有误：校验码不符。</translation>
    </message>
    <message>
        <source>The resident ID %1 does not contain a valid birth date.</source>
        <translation>身份证号码 %1 中的出生日期无效。</translation>
    </message>
    <message>
        <source>Line %1 of the rate file is not &quot;carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g&quot;: %2</source>
        <translation>资费文件第 %1 行不是“carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g”格式：%2</translation>
    </message>
    <message>
        <source>Line %1 of the rate file names the unknown carrier &quot;%2&quot;.</source>
        <translation>资费文件第 %1 行的快递公司“%2”未知。</translation>
    </message>
    <message>
        <source>The rate file has no rates.</source>
        <translation>资费文件中没有资费。</translation>
    </message>
    <message>
        <source>Weigh the parcel: the weight must be more than 0 g.</source>
        <translation>请称重：重量必须大于 0 克。</translation>
    </message>
    <message>
        <source>%1 has no rate to %2: choose another carrier or import its rates.</source>
        <translation>%1 没有寄往 %2 的资费：请选择其他快递公司或导入资费。</translation>
    </message>
    <message>
        <source>%1 takes parcels up to %2 kg; this one weighs %3 kg.</source>
        <translation>%1 最多收寄 %2 公斤的包裹；这件重 %3 公斤。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known carrier code.</source>
        <translation>“%1”不是已知的快递公司代码。</translation>
    </message>
    <message>
        <source>A number block is a prefix of up to 8 letters or digits and a range FROM-TO that fits in the given number of digits; the numbers must have 8 to 32 characters.</source>
        <translation>单号段由最多 8 位字母或数字的前缀和一个在指定位数内的起止范围组成；单号应为 8 到 32 个字符。</translation>
    </message>
    <message>
        <source>These numbers overlap a block already imported for %1.</source>
        <translation>这些单号与已导入的 %1 单号段重叠。</translation>
    </message>
    <message>
        <source>Enter the sender&apos;s real name (as on the ID card).</source>
        <translation>请输入寄件人的真实姓名（与身份证一致）。</translation>
    </message>
    <message>
        <source>Enter the sender&apos;s 11-digit mobile number.</source>
        <translation>请输入寄件人的 11 位手机号。</translation>
    </message>
    <message>
        <source>Enter the recipient&apos;s name.</source>
        <translation>请输入收件人姓名。</translation>
    </message>
    <message>
        <source>Enter the recipient&apos;s 11-digit mobile number.</source>
        <translation>请输入收件人的 11 位手机号。</translation>
    </message>
    <message>
        <source>Enter the full address: province, city, district and the street address.</source>
        <translation>请输入完整地址：省、市、区县和详细地址。</translation>
    </message>
    <message>
        <source>Choose what the parcel contains.</source>
        <translation>请选择包裹内的物品类别。</translation>
    </message>
    <message>
        <source>Open and inspect the parcel and confirm that it holds nothing prohibited before accepting it.</source>
        <translation>收寄前请开箱验视，并确认没有禁寄物品。</translation>
    </message>
    <message>
        <source>Choose the carrier that takes the parcel.</source>
        <translation>请选择承运的快递公司。</translation>
    </message>
    <message>
        <source>No %1 waybill numbers are left: scan a pre-printed waybill or import a new number block.</source>
        <translation>%1 的单号已用完：请扫描预印运单，或导入新的单号段。</translation>
    </message>
    <message>
        <source>The waybill %1 is already used by another parcel sent from this station.</source>
        <translation>运单号 %1 已被本站寄出的另一件包裹使用。</translation>
    </message>
    <message>
        <source>No parcel sent from this station has the waybill %1.</source>
        <translation>本站寄出的包裹中没有运单号 %1。</translation>
    </message>
    <message>
        <source>There is no such manifest.</source>
        <translation>没有这张交接单。</translation>
    </message>
    <message>
        <source>A bag number has 1 to 20 letters, digits or dashes.</source>
        <translation>袋号由 1 到 20 个字母、数字或短横线组成。</translation>
    </message>
    <message>
        <source>Scan or type the bag&apos;s seal number (4 to 32 letters, digits or dashes).</source>
        <translation>请扫描或输入袋子的封签号（4 到 32 个字母、数字或短横线）。</translation>
    </message>
    <message>
        <source>%1 was already handed to the van; it cannot be bagged again.</source>
        <translation>%1 已交给货车，不能再装袋。</translation>
    </message>
    <message>
        <source>%1 is already in a bag.</source>
        <translation>%1 已经装袋。</translation>
    </message>
    <message>
        <source>%1 is neither a parcel sent from here nor on the return list.</source>
        <translation>%1 既不是本站寄出的包裹，也不在退回清单中。</translation>
    </message>
    <message>
        <source>Parcel %1 is waiting for its recipient; mark it for return first.</source>
        <translation>包裹 %1 还在等待收件人领取；请先标记退回。</translation>
    </message>
    <message>
        <source>Bag %1 is sealed with %2, not %3.</source>
        <translation>袋子 %1 的封签是 %2，不是 %3。</translation>
    </message>
    <message>
        <source>The bag was not saved.</source>
        <translation>袋子未能保存。</translation>
    </message>
    <message>
        <source>Enter the van driver&apos;s name.</source>
        <translation>请输入货车司机姓名。</translation>
    </message>
    <message>
        <source>Enter the van&apos;s number plate.</source>
        <translation>请输入货车车牌号。</translation>
    </message>
    <message>
        <source>Nothing is bagged yet: scan the outgoing parcels into bags first.</source>
        <translation>还没有装袋的包裹：请先把要发出的包裹扫描装袋。</translation>
    </message>
</context>
<context>
    <name>Inbound</name>
    <message>
        <source>There are no shelves set up; set the shelf layout first.</source>
        <translation>还没有设置货架，请先设置货架布局。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known carrier code.</source>
        <translation>“%1”不是已知的快递公司代码。</translation>
    </message>
    <message>
        <source>No carrier uses waybill numbers like %1; choose the carrier.</source>
        <translation>没有快递公司使用 %1 这样的单号，请选择快递公司。</translation>
    </message>
    <message>
        <source>Several carriers use numbers like %1 (%2); confirm which one.</source>
        <translation>多家快递公司使用 %1 这样的单号（%2），请确认是哪一家。</translation>
    </message>
    <message>
        <source>Parcel %1 is already in the station with pickup code %2.</source>
        <translation>包裹 %1 已经在站内，取件码 %2。</translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>Enter the recipient&apos;s mobile number or its last 4 digits.</source>
        <translation>请输入收件人手机号或手机后四位。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mobile number: enter 11 digits starting with 1, or the last 4 digits.</source>
        <translation>“%1”不是手机号：请输入以 1 开头的 11 位号码，或后四位。</translation>
    </message>
    <message>
        <source>Scan or type the waybill number.</source>
        <translation>请扫描或输入运单号。</translation>
    </message>
    <message>
        <source>The waybill number &quot;%1&quot; may contain only letters, digits and dashes.</source>
        <translation>运单号“%1”只能包含字母、数字和短横线。</translation>
    </message>
    <message>
        <source>The waybill number &quot;%1&quot; has %2 characters; it must have 8 to 32.</source>
        <translation>运单号“%1”有 %2 个字符，应为 8 到 32 个。</translation>
    </message>
    <message>
        <source>The name is too long (at most 32 characters).</source>
        <translation>姓名太长（最多 32 个字）。</translation>
    </message>
    <message>
        <source>The name contains characters that cannot be printed.</source>
        <translation>姓名中有无法打印的字符。</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>There is no order with the id %1.</source>
        <translation>没有编号为 %1 的订单。</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>已到站</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>已取货</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>An order needs at least one line.</source>
        <translation>订单至少要有一项商品。</translation>
    </message>
    <message>
        <source>An order has at most %1 lines; this one has %2. Split it into several orders.</source>
        <translation>一个订单最多 %1 项，本订单有 %2 项。请拆成几个订单。</translation>
    </message>
    <message>
        <source>The quantity of %1 must be a whole number from 1 to %2.</source>
        <translation>%1 的数量必须是 1 到 %2 之间的整数。</translation>
    </message>
    <message>
        <source>The price of %1 is out of range.</source>
        <translation>%1 的价格超出范围。</translation>
    </message>
    <message>
        <source>Choose how the order is paid now: cash, WeChat, Alipay or bank transfer.</source>
        <translation>请选择当场付款方式：现金、微信、支付宝或银行转账。</translation>
    </message>
    <message>
        <source>There is no item %1 in the catalogue.</source>
        <translation>商品目录中没有 %1。</translation>
    </message>
    <message>
        <source>%1 (%2) has been withdrawn from the catalogue and cannot be ordered.</source>
        <translation>%1（%2）已从商品目录下架，不能订购。</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation>原因太长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>The order %1 was already cancelled.</source>
        <translation>订单 %1 已经取消。</translation>
    </message>
    <message>
        <source>The county refused the order %1; it is refunded without cancelling.</source>
        <translation>县中心已拒绝订单 %1；无需取消，会自动退款。</translation>
    </message>
    <message>
        <source>The order %1 has already been shipped (waybill %2) and can no longer be cancelled.</source>
        <translation>订单 %1 已发货（运单 %2），不能再取消。</translation>
    </message>
    <message>
        <source>No refund is due on the order %1.</source>
        <translation>订单 %1 没有待退的款。</translation>
    </message>
</context>
<context>
    <name>Overdue</name>
    <message>
        <source>The note is too long (at most 200 characters).</source>
        <translation>备注太长（最多 200 个字）。</translation>
    </message>
    <message>
        <source>Parcel %1 is %2; only waiting parcels can be marked for return.</source>
        <translation>包裹 %1 的状态是“%2”，只有待取的包裹才能标记退回。</translation>
    </message>
</context>
<context>
    <name>Parcel</name>
    <message>
        <source>Waiting</source>
        <translation>待取</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>已取</translation>
    </message>
    <message>
        <source>To return</source>
        <translation>待退回</translation>
    </message>
    <message>
        <source>Station pickup</source>
        <translation>到站自取</translation>
    </message>
    <message>
        <source>Door delivery</source>
        <translation>送货上门</translation>
    </message>
    <message>
        <source>Family may collect</source>
        <translation>家人可代取</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Unclaimed</source>
        <translation>无人领取</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>ParcelFields</name>
    <message>
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <source>Fee (yuan)</source>
        <translation>费用（元）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Pickup</name>
    <message>
        <source>Enter a pickup code.</source>
        <translation>请输入取件码。</translation>
    </message>
    <message>
        <source>Choose at least one parcel to hand over.</source>
        <translation>请至少选择一件要交付的包裹。</translation>
    </message>
    <message>
        <source>Parcel %1 (%2) was already handed over on %3.</source>
        <translation>包裹 %1（%2）已于 %3 交付。</translation>
    </message>
    <message>
        <source>Parcel %1 (%2) is marked for return and cannot be handed over.</source>
        <translation>包裹 %1（%2）已标记退回，不能交付。</translation>
    </message>
    <message>
        <source>Parcel %1 has not been handed over, so there is nothing to undo.</source>
        <translation>包裹 %1 还没有交付，无需撤销。</translation>
    </message>
    <message numerus="yes">
        <source>The handover of %1 was more than %n minute(s) ago and can no longer be undone.</source>
        <translation>
            <numerusform>%1 的交付已超过 %n 分钟，不能再撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Parcel %1 has been received again since; it cannot be put back.</source>
        <translation>包裹 %1 之后又被重新入库，无法恢复。</translation>
    </message>
    <message>
        <source>the recipient (%1)</source>
        <translation>收件人本人（%1）</translation>
    </message>
    <message>
        <source>%1, collecting for %2</source>
        <translation>%1（代 %2 取件）</translation>
    </message>
    <message>
        <source>Enter the whole 11-digit mobile number.</source>
        <translation>请输入完整的 11 位手机号。</translation>
    </message>
    <message>
        <source>Parcel %1 (%2) was already handed over on %3 to %4.</source>
        <translation>包裹 %1（%2）已于 %3 交给 %4。</translation>
    </message>
    <message>
        <source>No parcel is waiting for a phone number ending in %1. The last one, %2 (%3), was handed over on %4 to %5.</source>
        <translation>没有尾号 %1 的待取包裹。最近一件 %2（%3）已于 %4 交给 %5。</translation>
    </message>
    <message>
        <source>No parcel in the station has the pickup code %1.</source>
        <translation>站内没有取件码为 %1 的包裹。</translation>
    </message>
    <message>
        <source>No parcel in the station has the waybill number %1.</source>
        <translation>站内没有运单号为 %1 的包裹。</translation>
    </message>
    <message>
        <source>No parcel is waiting for a phone number ending in %1.</source>
        <translation>没有尾号 %1 的待取包裹。</translation>
    </message>
    <message numerus="yes">
        <source>These parcels belong to %n different people (%1). Hand over one person&apos;s parcels at a time, or confirm that one person collects for all of them.</source>
        <translation>
            <numerusform>这些包裹属于 %n 个不同的人（%1）。请一次只交付一个人的包裹，或确认由一人代取全部包裹。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The print service (CUPS) cannot be reached: %1</source>
        <translation>无法连接打印服务（CUPS）：%1</translation>
    </message>
    <message>
        <source>No printer is chosen. Choose a printer in the settings.</source>
        <translation>还没有选择打印机。请在设置中选择打印机。</translation>
    </message>
    <message>
        <source>There is no printer named %1.</source>
        <translation>没有名为 %1 的打印机。</translation>
    </message>
    <message>
        <source>The printer %1 did not accept the job: %2</source>
        <translation>打印机 %1 没有接受打印任务：%2</translation>
    </message>
    <message>
        <source>Sending the job to the printer %1 failed: %2</source>
        <translation>向打印机 %1 发送打印任务失败：%2</translation>
    </message>
    <message>
        <source>The state of print job %1 is unknown: %2</source>
        <translation>打印任务 %1 的状态未知：%2</translation>
    </message>
    <message>
        <source>The state of print job %1 is unknown.</source>
        <translation>打印任务 %1 的状态未知。</translation>
    </message>
    <message>
        <source>Print job %1 could not be cancelled: %2</source>
        <translation>无法取消打印任务 %1：%2</translation>
    </message>
    <message>
        <source>The printer %1 did not print job %2.</source>
        <translation>打印机 %1 没有打印任务 %2。</translation>
    </message>
    <message>
        <source>The printer %1 is stopped: %2</source>
        <translation>打印机 %1 已停止：%2</translation>
    </message>
    <message>
        <source>The printer %1 has not printed job %2 yet.</source>
        <translation>打印机 %1 还没有打印任务 %2。</translation>
    </message>
    <message>
        <source>The printer %1 is stopped. Check the printer, then enable it and retry.</source>
        <translation>打印机 %1 已停止。请检查打印机，启用后重试。</translation>
    </message>
    <message>
        <source>The printer %1 does not accept jobs at the moment.</source>
        <translation>打印机 %1 暂时不接受打印任务。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收</translation>
    </message>
    <message>
        <source>From</source>
        <translation>寄</translation>
    </message>
    <message>
        <source>Contents: %1</source>
        <translation>物品：%1</translation>
    </message>
    <message>
        <source>Weight: %1</source>
        <translation>重量：%1</translation>
    </message>
    <message>
        <source>Fee: ¥%1</source>
        <translation>运费：¥%1</translation>
    </message>
    <message>
        <source>Recipient signature</source>
        <translation>收件人签名</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Waybill %1</source>
        <translation>运单 %1</translation>
    </message>
    <message>
        <source>Shelf %1</source>
        <translation>货架 %1</translation>
    </message>
    <message>
        <source>No place</source>
        <translation>无位置</translation>
    </message>
    <message>
        <source>Arrivals %1</source>
        <translation>到件清单 %1</translation>
    </message>
    <message numerus="yes">
        <source>Parcels arrived on %1: %n</source>
        <translation>
            <numerusform>%1 到达包裹：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Phone numbers and names are masked.</source>
        <translation>手机号和姓名已做隐私处理。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Parcels per carrier</source>
        <translation>各快递公司件数</translation>
    </message>
    <message>
        <source>%1: %2 parcels, %3</source>
        <translation>%1：%2 件，%3</translation>
    </message>
    <message>
        <source>Total: %1 parcels in %2 bags</source>
        <translation>合计：%1 件，%2 袋</translation>
    </message>
    <message>
        <source>Bag %1  seal %2  %3 parcels</source>
        <translation>袋号 %1  封签 %2  %3 件</translation>
    </message>
    <message>
        <source>Station clerk:</source>
        <translation>站点经办人：</translation>
    </message>
    <message>
        <source>Driver:</source>
        <translation>司机：</translation>
    </message>
    <message>
        <source>Handed over at:</source>
        <translation>交接时间：</translation>
    </message>
    <message>
        <source>Manifest %1</source>
        <translation>交接单 %1</translation>
    </message>
    <message>
        <source>Hand-over manifest</source>
        <translation>交接清单</translation>
    </message>
    <message>
        <source>Time %1   Driver %2   Vehicle %3</source>
        <translation>时间 %1   司机 %2   车辆 %3</translation>
    </message>
    <message>
        <source>The document to print is empty.</source>
        <translation>要打印的文档是空的。</translation>
    </message>
    <message>
        <source>Could not create the PDF document.</source>
        <translation>无法生成 PDF 文档。</translation>
    </message>
    <message>
        <source>Could not write the PDF file %1: %2</source>
        <translation>无法写入 PDF 文件 %1：%2</translation>
    </message>
    <message>
        <source>The print job could not be saved in %1.</source>
        <translation>无法把打印任务保存到 %1。</translation>
    </message>
    <message>
        <source>There is no queued print job %1.</source>
        <translation>队列中没有打印任务 %1。</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <source>Free until</source>
        <translation>免费保管至</translation>
    </message>
    <message>
        <source>Pickup slip %1</source>
        <translation>取件单 %1</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Place %1</source>
        <translation>位置 %1</translation>
    </message>
    <message>
        <source>Show this slip or the pickup code to collect your parcel.</source>
        <translation>取件时请出示本单或取件码。</translation>
    </message>
    <message>
        <source>%1 g</source>
        <translation>%1 克</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 公斤</translation>
    </message>
    <message>
        <source>The print option %1 cannot be sent: its value &quot;%2&quot; contains a space, which makes this version of the print service (CUPS) crash.</source>
        <translation>无法发送打印选项 %1：其值“%2”含有空格，会使当前版本的打印服务（CUPS）崩溃。</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Villager</source>
        <translation>村民</translation>
    </message>
    <message>
        <source>Paid now (%1)</source>
        <translation>现付（%1）</translation>
    </message>
    <message>
        <source>From the deposit</source>
        <translation>预存扣款</translation>
    </message>
    <message>
        <source>On credit</source>
        <translation>赊账</translation>
    </message>
    <message>
        <source>owes %1</source>
        <translation>欠 %1</translation>
    </message>
    <message>
        <source>Proxy order receipt</source>
        <translation>代购订单凭条</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Price differs from the catalogue</source>
        <translation>价格与目录不同</translation>
    </message>
    <message>
        <source>Goods arrive at the station; keep this receipt.</source>
        <translation>货到服务站后凭此单领取，请妥善保管。</translation>
    </message>
    <message>
        <source>Order receipt %1</source>
        <translation>订单凭条 %1</translation>
    </message>
    <message>
        <source>Payment receipt</source>
        <translation>收款收据</translation>
    </message>
    <message>
        <source>For</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Keep this receipt.</source>
        <translation>请妥善保管此收据。</translation>
    </message>
    <message>
        <source>Payment receipt %1</source>
        <translation>收款收据 %1</translation>
    </message>
    <message>
        <source>Account statement %1</source>
        <translation>账户对账单 %1</translation>
    </message>
    <message>
        <source>Account statement of %1 (%2), %3</source>
        <translation>%1（%2）账户对账单，%3</translation>
    </message>
    <message>
        <source>Balance: %1 yuan · Credit limit: %2 yuan · Owed: %3 yuan</source>
        <translation>余额：%1 元 · 赊账额度：%2 元 · 欠款：%3 元</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>No entries.</source>
        <translation>暂无记录。</translation>
    </message>
</context>
<context>
    <name>Query</name>
    <message>
        <source>No parcel with the id %1.</source>
        <translation>没有编号为 %1 的包裹。</translation>
    </message>
</context>
<context>
    <name>Shelves</name>
    <message>
        <source>Cannot read the shelf layout &quot;%1&quot;. Write it as SHELVES:LAYERSxCAPACITY, for example 1-4:3x30 or A-B:2x20, several separated by commas.</source>
        <translation>无法识别货架布局“%1”。请写成 货架:层数x容量，例如 1-4:3x30 或 A-B:2x20，多组用逗号分开。</translation>
    </message>
    <message>
        <source>A shelf has 1 to 20 layers and each layer holds 1 to 999 parcels (&quot;%1&quot;).</source>
        <translation>每个货架 1 到 20 层，每层可放 1 到 999 件（“%1”）。</translation>
    </message>
    <message>
        <source>Shelf %1 appears twice in the layout.</source>
        <translation>货架 %1 在布局中出现了两次。</translation>
    </message>
    <message>
        <source>The layout has %1 places; at most 2000 are supported.</source>
        <translation>布局共有 %1 个位置，最多支持 2000 个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a shelf place; write SHELF-LAYER, for example 3-2.</source>
        <translation>“%1”不是货架位置，请写成 货架-层，例如 3-2。</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>owner</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>keeper</source>
        <translation>营业员</translation>
    </message>
    <message>
        <source>trainee</source>
        <translation>实习生</translation>
    </message>
    <message>
        <source>receiving parcels</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>handing over parcels</source>
        <translation>交付包裹</translation>
    </message>
    <message>
        <source>undoing a pickup</source>
        <translation>撤销取件</translation>
    </message>
    <message>
        <source>marking a parcel for return</source>
        <translation>标记退回</translation>
    </message>
    <message>
        <source>sending reminders</source>
        <translation>发提醒</translation>
    </message>
    <message>
        <source>applying a shelf audit</source>
        <translation>按盘点调整货位</translation>
    </message>
    <message>
        <source>accepting a parcel to send</source>
        <translation>收寄件</translation>
    </message>
    <message>
        <source>importing rates</source>
        <translation>导入费率</translation>
    </message>
    <message>
        <source>importing waybill numbers</source>
        <translation>导入运单号段</translation>
    </message>
    <message>
        <source>bagging and handing over to the van</source>
        <translation>装袋和交接给班车</translation>
    </message>
    <message>
        <source>adding a villager</source>
        <translation>新建村民账户</translation>
    </message>
    <message>
        <source>deposits, payouts and repayments</source>
        <translation>存款、取款和还款</translation>
    </message>
    <message>
        <source>correcting an account</source>
        <translation>更正账目</translation>
    </message>
    <message>
        <source>setting a credit limit</source>
        <translation>设置赊账额度</translation>
    </message>
    <message>
        <source>placing an order</source>
        <translation>代购下单</translation>
    </message>
    <message>
        <source>cancelling an order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>changing the station&apos;s settings</source>
        <translation>修改本站设置</translation>
    </message>
    <message>
        <source>managing staff</source>
        <translation>管理人员</translation>
    </message>
    <message>
        <source>showing a full phone number</source>
        <translation>显示完整手机号</translation>
    </message>
    <message>
        <source>showing a sender&apos;s full ID number</source>
        <translation>显示寄件人完整身份证号</translation>
    </message>
    <message>
        <source>exporting data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Wrong name or PIN.</source>
        <translation>姓名或密码不对。</translation>
    </message>
    <message>
        <source>No staff member is called %1.</source>
        <translation>没有叫 %1 的人员。</translation>
    </message>
    <message>
        <source>The PIN could not be stored safely (%1).</source>
        <translation>无法安全保存密码（%1）。</translation>
    </message>
    <message>
        <source>A PIN is exactly %1 digits.</source>
        <translation>密码必须正好是 %1 位数字。</translation>
    </message>
    <message>
        <source>A staff name has 1 to %1 characters.</source>
        <translation>人员姓名为 1 到 %1 个字。</translation>
    </message>
    <message>
        <source>The name %1 is reserved; choose another.</source>
        <translation>%1 这个名字保留给程序使用，请换一个。</translation>
    </message>
    <message>
        <source>The station already has an owner; the owner adds staff.</source>
        <translation>本站已有站长；其他人员由站长添加。</translation>
    </message>
    <message>
        <source>There is already a staff member called %1.</source>
        <translation>已经有叫 %1 的人员。</translation>
    </message>
    <message>
        <source>Another owner&apos;s PIN can only be reset with the recovery code.</source>
        <translation>其他站长的密码只能用恢复码重设。</translation>
    </message>
    <message>
        <source>%1 is the station&apos;s only owner; add another owner first.</source>
        <translation>%1 是本站唯一的站长；请先添加另一位站长。</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs for %1: try again in %n second(s).</source>
        <translation>
            <numerusform>%1 输错密码次数太多：请 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The recovery code resets an owner&apos;s PIN; %1 is not an active owner.</source>
        <translation>恢复码只能重设站长的密码；%1 不是在用的站长。</translation>
    </message>
    <message>
        <source>That is not the station&apos;s recovery code.</source>
        <translation>这不是本站的恢复码。</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>The station is not set up yet: give it a name and a shelf layout first (cunzhanctl init).</source>
        <translation>服务站还没有设置：请先填写站名和货架布局（cunzhanctl init）。</translation>
    </message>
    <message>
        <source>Give the station a name of 1 to 40 characters.</source>
        <translation>站名应为 1 到 40 个字。</translation>
    </message>
    <message>
        <source>This database already belongs to the station &quot;%1&quot;.</source>
        <translation>这个数据库已经属于服务站“%1”。</translation>
    </message>
    <message>
        <source>The setting %1 takes a whole number from %2 to %3.</source>
        <translation>设置项 %1 应为 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>There is no setting called &quot;%1&quot;.</source>
        <translation>没有名为“%1”的设置项。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n parcel(s))</source>
        <translation>
            <numerusform>%1（%n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>These places still hold parcels and cannot be removed: %1. Move the parcels first.</source>
        <translation>这些位置上还有包裹，不能删除：%1。请先移走包裹。</translation>
    </message>
    <message>
        <source>No parcel with the id %1.</source>
        <translation>没有编号为 %1 的包裹。</translation>
    </message>
    <message>
        <source>Place %1-%2 has no free pickup code left; hand over or move some parcels first.</source>
        <translation>位置 %1-%2 已没有空闲的取件码，请先交付或移走一些包裹。</translation>
    </message>
    <message>
        <source>The language is zh_CN (Chinese, the default) or en (English).</source>
        <translation>语言只能是 zh_CN（中文，默认）或 en（英文）。</translation>
    </message>
    <message>
        <source>Log in first: this station has staff, and changes are made by a person with a PIN.</source>
        <translation>请先登录：本站已设人员，修改数据要由有密码的人员操作。</translation>
    </message>
    <message>
        <source>A %1 may not do this (%2): ask the station&apos;s owner.</source>
        <translation>%1不能做这件事（%2）：请找站长。</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The database %1 is in use by another program (for example another Cunzhan window or a backup). Close it and try again.</source>
        <translation>数据库 %1 正被其他程序占用（例如另一个村站窗口或备份程序）。请关闭后重试。</translation>
    </message>
    <message>
        <source>The file %1 is damaged or is not a Cunzhan database. It was left untouched; restore it from a backup or choose another file.</source>
        <translation>文件 %1 已损坏或不是村站数据库。文件未被改动；请从备份恢复或选择其他文件。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>Cannot read the database %1: permission denied.</source>
        <translation>无法读取数据库 %1：没有权限。</translation>
    </message>
    <message>
        <source>The database %1 is read-only. Cunzhan needs to write to it; check the file&apos;s permissions or copy it to a writable place.</source>
        <translation>数据库 %1 是只读的。村站需要写入它；请检查文件权限，或把它复制到可写的位置。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>无法为数据库创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write in the folder %1, where the database and its journal live.</source>
        <translation>无法写入文件夹 %1（数据库及其日志文件所在位置）。</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (package libqt6sql6-sqlite).</source>
        <translation>未安装 Qt 的 SQLite 驱动（软件包 libqt6sql6-sqlite）。</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Cunzhan (schema %2; this program knows up to %3). Update Cunzhan to open it.</source>
        <translation>数据库 %1 由更新版本的村站写入（结构版本 %2，本程序最高支持 %3）。请升级村站后再打开。</translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (is it on a read-only or network drive?).</source>
        <translation>数据库 %1 无法使用预写日志（是否位于只读或网络磁盘上？）。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Free some space; nothing was saved.</source>
        <translation>%1 所在的磁盘已满。请清理空间；本次操作未保存。</translation>
    </message>
    <message>
        <source>Cannot read or write the database %1: %2</source>
        <translation>无法读写数据库 %1：%2</translation>
    </message>
    <message>
        <source>The change clashes with data already stored: %1</source>
        <translation>这次修改与已保存的数据冲突：%1</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
    <message>
        <source>Internal error: a change was about to be saved without its sync record; it was cancelled.</source>
        <translation>内部错误：一次修改缺少同步记录，已取消保存。</translation>
    </message>
    <message>
        <source>Internal error: data from the county was about to be sent back to it; the change was cancelled.</source>
        <translation>内部错误：来自县级中心的数据险些被回传给县级中心，此次更改已取消。</translation>
    </message>
    <message>
        <source>The database %1 was changed by another build of Cunzhan (its schema step %2 is &quot;%3&quot;, which this program does not have). Open it with that build.</source>
        <translation>数据库 %1 已被另一个版本的村站修改（其第 %2 步结构为“%3”，本程序没有这一步）。请用那个版本打开。</translation>
    </message>
    <message>
        <source>The database driver gives no SQLite connection.</source>
        <translation>数据库驱动没有提供 SQLite 连接。</translation>
    </message>
    <message>
        <source>Internal error: the history&apos;s chain record is missing; the change was cancelled. Run cunzhanctl audit verify.</source>
        <translation>内部错误：记录链的链头丢失，本次修改已取消。请运行 cunzhanctl audit verify。</translation>
    </message>
    <message>
        <source>Internal error: a row to record in the history is missing.</source>
        <translation>内部错误：要记入记录链的一行不存在。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This station is not enrolled with a county server yet, so the county could not tell whose batch it is: enrol it first.</source>
        <translation>本服务站尚未在县级服务器登记，县里无法识别这批数据属于哪个站：请先登记。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot reach the county server: %1</source>
        <translation>无法连接县级服务器：%1</translation>
    </message>
    <message>
        <source>The county server did not answer in time.</source>
        <translation>县级服务器未及时响应。</translation>
    </message>
    <message>
        <source>The county server&apos;s certificate is not trusted (%1). Check the address, or enrol again with the county&apos;s CA certificate.</source>
        <translation>县级服务器的证书不受信任（%1）。请检查地址，或使用县里的 CA 证书重新登记。</translation>
    </message>
    <message>
        <source>The CA certificate is not a PEM certificate.</source>
        <translation>该 CA 证书不是 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>The county server sent an answer this station cannot read (%1).</source>
        <translation>县级服务器返回的应答本站无法读取（%1）。</translation>
    </message>
    <message>
        <source>The county server is not available right now (%1); sync will try again.</source>
        <translation>县级服务器暂时不可用（%1），稍后会自动重试同步。</translation>
    </message>
    <message>
        <source>The county server did not accept the enrolment: %1</source>
        <translation>县级服务器未接受登记：%1</translation>
    </message>
    <message>
        <source>The county server no longer accepts this station (%1). Enrol again with a new code from the county centre.</source>
        <translation>县级服务器已不再接受本服务站（%1）。请向县级中心索取新的登记码重新登记。</translation>
    </message>
    <message>
        <source>The county server refused the request: %1</source>
        <translation>县级服务器拒绝了请求：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a county server address; give it as https://host:port.</source>
        <translation>“%1”不是县级服务器地址，请按 https://主机:端口 的格式填写。</translation>
    </message>
    <message>
        <source>Give the enrolment code from the county centre.</source>
        <translation>请填写县级中心提供的登记码。</translation>
    </message>
    <message>
        <source>This station is not enrolled with a county server yet: enrol it with the code from the county centre first.</source>
        <translation>本服务站尚未在县级服务器登记：请先用县级中心提供的登记码登记。</translation>
    </message>
    <message>
        <source>The county server&apos;s data changed twice during one sync; sync will try again.</source>
        <translation>一次同步过程中县级服务器的数据两次变更，稍后会重试同步。</translation>
    </message>
    <message>
        <source>The county server&apos;s answer does not match what was sent (%1); nothing was recorded.</source>
        <translation>县级服务器的应答与发送的内容不符（%1），未记录任何内容。</translation>
    </message>
    <message>
        <source>%1 answers for %2 changes</source>
        <translation>%2 条更改收到 %1 条应答</translation>
    </message>
    <message>
        <source>answer %1 is for another change</source>
        <translation>第 %1 条应答属于另一条更改</translation>
    </message>
    <message>
        <source>The county server keeps losing changes this station sent; sync will try again.</source>
        <translation>县级服务器不断丢失本站发送的更改；同步将稍后重试。</translation>
    </message>
    <message>
        <source>This station is enrolled with the county server %1, not %2. Enrolling with another server sends it the station&apos;s waiting changes and history; confirm (cunzhanctl enroll --force) only if the county centre told you to.</source>
        <translation>本站已登记在县级服务器 %1，而不是 %2。登记到另一台服务器会把本站待发送的更改和历史记录发给它；只有县中心要求时才确认（cunzhanctl enroll --force）。</translation>
    </message>
    <message>
        <source>Could not make the station&apos;s signing key.</source>
        <translation>无法生成本站的签名密钥。</translation>
    </message>
    <message>
        <source>The county gave this code for the station %1, but this station is %2; nothing was changed. Ask the county centre for a code for %2, or enrol with --force and a new code to become %1.</source>
        <translation>县中心的这个登记码属于站点 %1，而本站是 %2；未做任何更改。请向县中心索取 %2 的登记码，或用 --force 和新的登记码登记为 %1。</translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>Cannot open the station database</source>
        <translation>无法打开服务站数据库</translation>
    </message>
    <message>
        <source>%1

Database: %2</source>
        <translation>%1

数据库：%2</translation>
    </message>
    <message>
        <source>The station is not set up yet; start cunzhan without --exit-when-ready.</source>
        <translation>服务站尚未设置；请不带 --exit-when-ready 启动 cunzhan。</translation>
    </message>
    <message>
        <source>Cunzhan village parcel station terminal</source>
        <translation>村站：乡村快递服务站终端</translation>
    </message>
    <message>
        <source>The station database (default: %1).</source>
        <translation>服务站数据库（默认：%1）。</translation>
    </message>
    <message>
        <source>Language for this run: zh_CN or en (default: the station&apos;s language setting, which is Chinese unless the station chose English; the system&apos;s locale does not matter).</source>
        <translation>本次运行使用的语言：zh_CN 或 en（默认按服务站的语言设置，未选英文即为中文；与系统的区域设置无关）。</translation>
    </message>
    <message>
        <source>Print &quot;ready&quot; and exit once the main window is painted.</source>
        <translation>主窗口显示后输出“ready”并退出。</translation>
    </message>
    <message>
        <source>--lang takes zh_CN or en, not &quot;%1&quot;.</source>
        <translation>--lang 只能是 zh_CN 或 en，不能是“%1”。</translation>
    </message>
</context>
<context>
    <name>cunzhanctl</name>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>意外的参数“%1”。</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>The waybill number, scanned or typed.</source>
        <translation>运单号，扫描或手动输入。</translation>
    </message>
    <message>
        <source>The recipient&apos;s name (optional).</source>
        <translation>收件人姓名（可选）。</translation>
    </message>
    <message>
        <source>The carrier code (SF, ZTO, YTO, ...). Needed when several carriers use numbers like this one; &quot;cunzhanctl carriers WAYBILL&quot; lists them.</source>
        <translation>快递公司代码（SF、ZTO、YTO……）。多家公司使用类似单号时必须指定；“cunzhanctl carriers 运单号”可列出候选。</translation>
    </message>
    <message>
        <source>Delivery preference: pickup, door or family. Default: the recipient&apos;s last choice, else pickup.</source>
        <translation>派送偏好：pickup（到站自取）、door（送货上门）或 family（家人可代取）。默认沿用收件人上次的选择，否则为 pickup。</translation>
    </message>
    <message>
        <source>Give the waybill number.</source>
        <translation>请给出运单号。</translation>
    </message>
    <message>
        <source>Give one waybill number.</source>
        <translation>请只给出一个运单号。</translation>
    </message>
    <message>
        <source>The delivery preference is pickup, door or family, not &quot;%1&quot;.</source>
        <translation>派送偏好应为 pickup、door 或 family，而不是“%1”。</translation>
    </message>
    <message>
        <source>Run the command again with --carrier CODE, where CODE is one of: %1.</source>
        <translation>请加上 --carrier 代码 重新运行，代码为以下之一：%1。</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Placed beside the same recipient&apos;s other waiting parcels.</source>
        <translation>已放在同一收件人其他待取包裹旁边。</translation>
    </message>
    <message>
        <source>Warning: every place is full; the parcel was put on the least loaded one.</source>
        <translation>警告：所有位置都已满，包裹已放到最空的位置。</translation>
    </message>
    <message>
        <source>Hand over the parcel with this pickup code.</source>
        <translation>交付这个取件码的包裹。</translation>
    </message>
    <message>
        <source>Hand over the waiting parcels whose phone number ends with these 4 digits.</source>
        <translation>交付手机号以这 4 位结尾的待取包裹。</translation>
    </message>
    <message>
        <source>Hand over the parcel with this waybill number.</source>
        <translation>交付这个运单号的包裹。</translation>
    </message>
    <message>
        <source>Name of the person collecting, when it is not the recipient.</source>
        <translation>代取人姓名（不是收件人本人时填写）。</translation>
    </message>
    <message>
        <source>With --phone-tail: hand over all the matching parcels even when they belong to different people.</source>
        <translation>与 --phone-tail 一起使用：即使属于不同的人，也交付全部匹配的包裹。</translation>
    </message>
    <message>
        <source>No parcel in the station has the pickup code %1.</source>
        <translation>站内没有取件码为 %1 的包裹。</translation>
    </message>
    <message>
        <source>The waiting parcels for phone tail %1 may belong to different people. Hand them over by pickup code, or add --all to hand over all of them.</source>
        <translation>手机尾号 %1 的待取包裹可能属于不同的人。请按取件码逐件交付，或加 --all 全部交付。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message numerus="yes">
        <source>Handed over %n parcel(s). Fee to collect: %1.</source>
        <translation>
            <numerusform>已交付 %n 件包裹。应收费用：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The pickup code of the handed-over parcel.</source>
        <translation>已交付包裹的取件码。</translation>
    </message>
    <message>
        <source>The waybill number of the handed-over parcel.</source>
        <translation>已交付包裹的运单号。</translation>
    </message>
    <message>
        <source>The parcel&apos;s id.</source>
        <translation>包裹编号。</translation>
    </message>
    <message>
        <source>No handed-over parcel matches %1.</source>
        <translation>没有与 %1 匹配的已交付包裹。</translation>
    </message>
    <message>
        <source>Handover undone: parcel %1 is back on place %2 with pickup code %3.</source>
        <translation>已撤销交付：包裹 %1 回到位置 %2，取件码 %3。</translation>
    </message>
    <message>
        <source>Only parcels in this state: waiting, picked_up or to_return.</source>
        <translation>只列出这种状态的包裹：waiting（待取）、picked_up（已取）或 to_return（待退回）。</translation>
    </message>
    <message>
        <source>Only parcels whose pickup code, waybill (or its beginning) or phone tail is TEXT.</source>
        <translation>只列出取件码、运单号（或其开头）或手机尾号为 TEXT 的包裹。</translation>
    </message>
    <message>
        <source>At most N parcels, newest first (default 200).</source>
        <translation>最多 N 件，最新的在前（默认 200）。</translation>
    </message>
    <message>
        <source>Only parcels received today (local time).</source>
        <translation>只列出今天（本地时间）入库的包裹。</translation>
    </message>
    <message>
        <source>The status is waiting, picked_up or to_return, not &quot;%1&quot;.</source>
        <translation>状态应为 waiting、picked_up 或 to_return，而不是“%1”。</translation>
    </message>
    <message>
        <source>The limit is a whole number from 1 to 100000, not &quot;%1&quot;.</source>
        <translation>数量上限应为 1 到 100000 之间的整数，而不是“%1”。</translation>
    </message>
    <message>
        <source>No parcels match.</source>
        <translation>没有符合条件的包裹。</translation>
    </message>
    <message>
        <source>Also queue a reminder notice for each overdue parcel (at most one per parcel per day).</source>
        <translation>同时为每件超期包裹发送提醒通知（每件包裹每天最多一次）。</translation>
    </message>
    <message>
        <source>No overdue parcels.</source>
        <translation>没有超期包裹。</translation>
    </message>
    <message>
        <source>Days held</source>
        <translation>已存放天数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>unclaimed: consider returning</source>
        <translation>无人领取：建议退回</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n reminder(s).</source>
        <translation>
            <numerusform>已加入 %n 条提醒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark the parcel with this pickup code.</source>
        <translation>标记这个取件码的包裹。</translation>
    </message>
    <message>
        <source>Mark the parcel with this waybill number.</source>
        <translation>标记这个运单号的包裹。</translation>
    </message>
    <message>
        <source>Why it goes back: refused, damaged, lost or unclaimed.</source>
        <translation>退回原因：refused（拒收）、damaged（破损）、lost（丢失）或 unclaimed（无人领取）。</translation>
    </message>
    <message>
        <source>A short note (at most 200 characters).</source>
        <translation>简短备注（最多 200 字）。</translation>
    </message>
    <message>
        <source>No parcels are marked for return.</source>
        <translation>没有标记退回的包裹。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Say which parcel to mark with --code or --waybill.</source>
        <translation>请用 --code 或 --waybill 指定要标记的包裹。</translation>
    </message>
    <message>
        <source>Give the reason with --reason (refused, damaged, lost or unclaimed).</source>
        <translation>请用 --reason 给出原因（refused、damaged、lost 或 unclaimed）。</translation>
    </message>
    <message>
        <source>The reason is refused, damaged, lost or unclaimed, not &quot;%1&quot;.</source>
        <translation>原因应为 refused、damaged、lost 或 unclaimed，而不是“%1”。</translation>
    </message>
    <message>
        <source>No parcel in the station matches %1.</source>
        <translation>站内没有与 %1 匹配的包裹。</translation>
    </message>
    <message>
        <source>Parcel %1 (%2) is marked for return: %3.</source>
        <translation>包裹 %1（%2）已标记退回：%3。</translation>
    </message>
    <message>
        <source>The day, as YYYY-MM-DD in local time (default: today).</source>
        <translation>日期，格式 YYYY-MM-DD，本地时间（默认今天）。</translation>
    </message>
    <message>
        <source>The date is written YYYY-MM-DD, for example 2026-11-28, not &quot;%1&quot;.</source>
        <translation>日期应写成 YYYY-MM-DD，例如 2026-11-28，而不是“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) arrived on %1.</source>
        <translation>
            <numerusform>%1 共到达 %n 件包裹。</numerusform>
        </translation>
    </message>
    <message>
        <source>Receive a parcel: prints its pickup code and place.</source>
        <translation>入库一件包裹：打印取件码和位置。</translation>
    </message>
    <message>
        <source>Hand over waiting parcels in one step and print the fee.</source>
        <translation>一次交付待取包裹并显示费用。</translation>
    </message>
    <message>
        <source>Undo a recent handover (within the undo window).</source>
        <translation>撤销最近的交付（在撤销时限内）。</translation>
    </message>
    <message>
        <source>List parcels, newest first.</source>
        <translation>列出包裹，最新的在前。</translation>
    </message>
    <message>
        <source>List overdue parcels with days held and fee; --remind queues reminders.</source>
        <translation>列出超期包裹及存放天数和费用；--remind 发送提醒。</translation>
    </message>
    <message>
        <source>List parcels marked for return, or mark one.</source>
        <translation>列出标记退回的包裹，或标记一件。</translation>
    </message>
    <message>
        <source>The day&apos;s arrival list.</source>
        <translation>当天的到件清单。</translation>
    </message>
    <message>
        <source>Say which parcel with one of %1.</source>
        <translation>请用 %1 之一指定包裹。</translation>
    </message>
    <message>
        <source>Use only one of %1.</source>
        <translation>%1 只能用一个。</translation>
    </message>
    <message>
        <source>The station&apos;s name, 1 to 40 characters (required).</source>
        <translation>服务站名称，1 到 40 个字（必填）。</translation>
    </message>
    <message>
        <source>Shelf layout as SHELVES:LAYERSxCAPACITY groups, e.g. &quot;1-4:3x30,A:2x10&quot; (default %1).</source>
        <translation>货架布局，格式 货架:层数x容量，例如 &quot;1-4:3x30,A:2x10&quot;（默认 %1）。</translation>
    </message>
    <message>
        <source>Give the station&apos;s name with --station-name.</source>
        <translation>请用 --station-name 给出服务站名称。</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Station id</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>Shelf layout</source>
        <translation>货架布局</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>位置数</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>(not set up yet: run cunzhanctl init)</source>
        <translation>（尚未设置：请运行 cunzhanctl init）</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>数据结构版本</translation>
    </message>
    <message>
        <source>Pending sync ops</source>
        <translation>待同步操作</translation>
    </message>
    <message>
        <source>There is no setting called &quot;%1&quot;.</source>
        <translation>没有名为“%1”的设置项。</translation>
    </message>
    <message>
        <source>Write &quot;settings&quot;, &quot;settings get KEY&quot; or &quot;settings set KEY VALUE&quot;.</source>
        <translation>请写成“settings”、“settings get 键”或“settings set 键 值”。</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待取</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>占用</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 spaces in use on %n place(s).</source>
        <translation>
            <numerusform>%n 个位置共 %2 格，已用 %1 格。</numerusform>
        </translation>
    </message>
    <message>
        <source>The waybill number to identify.</source>
        <translation>要识别的运单号。</translation>
    </message>
    <message>
        <source>No carrier uses waybill numbers like %1.</source>
        <translation>没有快递公司使用 %1 这样的单号。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>A parcel found on a place, e.g. 1-2:YT764306505052 (any number of them).</source>
        <translation>在某个位置上找到的包裹，例如 1-2:YT764306505052（可以有多个）。</translation>
    </message>
    <message>
        <source>Also check this place, e.g. when nothing was found on it (repeatable).</source>
        <translation>同时检查这个位置，例如这个位置上什么也没找到时（可重复）。</translation>
    </message>
    <message>
        <source>Read scans from FILE, one &quot;SLOT WAYBILL&quot; per line; &quot;-&quot; reads standard input. Empty lines and lines starting with # are skipped.</source>
        <translation>从文件读取扫描结果，每行“位置 运单号”；“-”表示从标准输入读取。空行和以 # 开头的行会被跳过。</translation>
    </message>
    <message>
        <source>Move the records of misplaced parcels to where they were found and print the new pickup codes.</source>
        <translation>把放错位置的包裹记录改到实际找到的位置，并打印新的取件码。</translation>
    </message>
    <message>
        <source>Cannot read the scan file %1: %2</source>
        <translation>无法读取扫描文件 %1：%2</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not &quot;SLOT WAYBILL&quot;: %3</source>
        <translation>%2 的第 %1 行不是“位置 运单号”：%3</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Recorded place</source>
        <translation>记录位置</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>实际位置</translation>
    </message>
    <message>
        <source>Places checked: %1. OK %2, missing %3, misplaced %4, unknown %5.</source>
        <translation>已检查位置：%1。正确 %2，缺少 %3，放错 %4，不认识 %5。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not SLOT:WAYBILL.</source>
        <translation>“%1”不是 位置:运单号 的格式。</translation>
    </message>
    <message>
        <source>Nothing to audit: give scans as SLOT:WAYBILL, --from FILE or --slot SLOT.</source>
        <translation>没有可盘点的内容：请以 位置:运单号 给出扫描结果，或使用 --from 文件 或 --slot 位置。</translation>
    </message>
    <message>
        <source>Moved %1: %2 -&gt; %3 (relabel the parcel).</source>
        <translation>已移动 %1：%2 -&gt; %3（请重新贴取件码）。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) moved.</source>
        <translation>
            <numerusform>已移动 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Set up a new station: name and shelf layout.</source>
        <translation>新建服务站：名称和货架布局。</translation>
    </message>
    <message>
        <source>Station name and id, database, schema, counts, pending sync ops.</source>
        <translation>服务站名称和编号、数据库、数据结构版本、各状态数量、待同步操作。</translation>
    </message>
    <message>
        <source>Show the settings, or change one with &quot;set KEY VALUE&quot;.</source>
        <translation>显示设置，或用“set 键 值”修改一项。</translation>
    </message>
    <message>
        <source>How full each place is.</source>
        <translation>每个位置的占用情况。</translation>
    </message>
    <message>
        <source>Which carriers use waybill numbers like this one, best first.</source>
        <translation>哪些快递公司使用这样的单号，最可能的在前。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示本帮助。</translation>
    </message>
    <message>
        <source>The station database (default: %1).</source>
        <translation>服务站数据库（默认：%1）。</translation>
    </message>
    <message>
        <source>Print results as JSON for scripts (see below).</source>
        <translation>以 JSON 格式输出结果，供脚本使用（见下文）。</translation>
    </message>
    <message>
        <source>How long to wait for a database that another program is writing, in milliseconds (default 5000; the environment variable CUNZHAN_BUSY_TIMEOUT_MS does the same).</source>
        <translation>等待其他程序写入数据库的时间，单位毫秒（默认 5000；环境变量 CUNZHAN_BUSY_TIMEOUT_MS 作用相同）。</translation>
    </message>
    <message>
        <source>The command to run, then its own arguments.</source>
        <translation>要执行的命令，后跟它自己的参数。</translation>
    </message>
    <message>
        <source>The busy timeout is a number of milliseconds, not &quot;%1&quot;.</source>
        <translation>等待时间应为毫秒数，而不是“%1”。</translation>
    </message>
    <message>
        <source>cunzhanctl: the station&apos;s parcel work from the command line, for support and scripts.</source>
        <translation>cunzhanctl：在命令行处理服务站的包裹业务，用于技术支持和脚本。</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Give a command.</source>
        <translation>请给出一个命令。</translation>
    </message>
    <message>
        <source>There is no command &quot;%1&quot;.</source>
        <translation>没有“%1”这个命令。</translation>
    </message>
    <message>
        <source>--%1 is a global option: put it before the command.</source>
        <translation>--%1 是全局选项：请放在命令之前。</translation>
    </message>
    <message>
        <source>There is no station database at %1. Set up the station first with &quot;cunzhanctl --db %1 init --station-name NAME&quot;.</source>
        <translation>%1 没有服务站数据库。请先用“cunzhanctl --db %1 init --station-name 站名”设置服务站。</translation>
    </message>
    <message>
        <source>The station in %1 is not set up yet: run &quot;cunzhanctl init&quot; first.</source>
        <translation>%1 中的服务站尚未设置：请先运行“cunzhanctl init”。</translation>
    </message>
    <message>
        <source>cunzhanctl: %1</source>
        <translation>cunzhanctl：%1</translation>
    </message>
    <message>
        <source>  details: %1</source>
        <translation>  详情：%1</translation>
    </message>
    <message>
        <source>Run &quot;cunzhanctl --help&quot; for the commands and options.</source>
        <translation>运行“cunzhanctl --help”查看命令和选项。</translation>
    </message>
    <message>
        <source>Run &quot;cunzhanctl %1 --help&quot; for its options.</source>
        <translation>运行“cunzhanctl %1 --help”查看它的选项。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>--%1 is a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 应为 %2 到 %3 之间的整数，而不是“%4”。</translation>
    </message>
    <message>
        <source>Give --%1.</source>
        <translation>请给出 --%1。</translation>
    </message>
    <message>
        <source>The sender&apos;s real name, as on the ID card.</source>
        <translation>寄件人的真实姓名，与身份证一致。</translation>
    </message>
    <message>
        <source>The sender&apos;s 11-digit mobile number.</source>
        <translation>寄件人的 11 位手机号。</translation>
    </message>
    <message>
        <source>The sender&apos;s resident ID number (18 characters), checked for its check character.</source>
        <translation>寄件人的居民身份证号码（18 位），会核对校验码。</translation>
    </message>
    <message>
        <source>The recipient&apos;s name.</source>
        <translation>收件人姓名。</translation>
    </message>
    <message>
        <source>The recipient&apos;s 11-digit mobile number.</source>
        <translation>收件人的 11 位手机号。</translation>
    </message>
    <message>
        <source>Destination province, e.g. 广东省.</source>
        <translation>目的省份，例如 广东省。</translation>
    </message>
    <message>
        <source>Destination city.</source>
        <translation>目的城市。</translation>
    </message>
    <message>
        <source>Destination district or county.</source>
        <translation>目的区县。</translation>
    </message>
    <message>
        <source>Street address.</source>
        <translation>详细地址。</translation>
    </message>
    <message>
        <source>What the parcel holds, one of: %1.</source>
        <translation>包裹内物品类别，以下之一：%1。</translation>
    </message>
    <message>
        <source>A short note on the contents (optional).</source>
        <translation>物品简短说明（可选）。</translation>
    </message>
    <message>
        <source>Confirms that you opened and inspected the parcel and found nothing prohibited (required).</source>
        <translation>确认已开箱验视，没有禁寄物品（必填）。</translation>
    </message>
    <message>
        <source>The weight in grams.</source>
        <translation>重量，单位克。</translation>
    </message>
    <message>
        <source>The carrier code that takes the parcel (SF, YTO, ...).</source>
        <translation>承运的快递公司代码（SF、YTO……）。</translation>
    </message>
    <message>
        <source>A pre-printed waybill number; default: the next number of the carrier&apos;s imported block.</source>
        <translation>预印运单号；默认使用该快递公司已导入单号段中的下一个号码。</translation>
    </message>
    <message>
        <source>List the parcels sent from here, newest first.</source>
        <translation>列出本站寄出的包裹，最新的在前。</translation>
    </message>
    <message>
        <source>With --list: only accepted, bagged or handed_over parcels.</source>
        <translation>与 --list 一起使用：只列出 accepted（已收寄）、bagged（已装袋）或 handed_over（已交车）的包裹。</translation>
    </message>
    <message>
        <source>Show one sent parcel.</source>
        <translation>显示一件寄出的包裹。</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Sender ID</source>
        <translation>寄件人证件号</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>收寄时间</translation>
    </message>
    <message>
        <source>The status is accepted, bagged or handed_over, not &quot;%1&quot;.</source>
        <translation>状态应为 accepted、bagged 或 handed_over，而不是“%1”。</translation>
    </message>
    <message>
        <source>No sent parcels match.</source>
        <translation>没有符合条件的寄出包裹。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>寄往</translation>
    </message>
    <message>
        <source>Either accept a parcel, or use --list, or --show: not several.</source>
        <translation>收寄包裹、--list 或 --show 只能选一个。</translation>
    </message>
    <message>
        <source>--status goes with --list.</source>
        <translation>--status 要与 --list 一起使用。</translation>
    </message>
    <message>
        <source>Give the parcel&apos;s details to accept it, or --list, or --show WAYBILL.</source>
        <translation>请给出包裹信息以收寄，或使用 --list，或 --show 运单号。</translation>
    </message>
    <message>
        <source>--contents is one of: %1.</source>
        <translation>--contents 应为以下之一：%1。</translation>
    </message>
    <message>
        <source>&quot;import FILE&quot; replaces the rates of the carriers in FILE (CSV lines carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g; &quot;-&quot; reads standard input); &quot;quote&quot; prices a parcel.</source>
        <translation>“import 文件”用文件中的资费替换相应快递公司的资费（CSV 行 carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g；“-”表示从标准输入读取）；“quote”计算运费。</translation>
    </message>
    <message>
        <source>With quote: the carrier code.</source>
        <translation>与 quote 一起使用：快递公司代码。</translation>
    </message>
    <message>
        <source>With quote: the destination province.</source>
        <translation>与 quote 一起使用：目的省份。</translation>
    </message>
    <message>
        <source>With quote: the weight in grams.</source>
        <translation>与 quote 一起使用：重量（克）。</translation>
    </message>
    <message>
        <source>Cannot read the rate file %1: %2</source>
        <translation>无法读取资费文件 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rate(s).</source>
        <translation>
            <numerusform>已导入 %n 条资费。</numerusform>
        </translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Chargeable</source>
        <translation>计费重量</translation>
    </message>
    <message numerus="yes">
        <source>%n kg</source>
        <translation>
            <numerusform>%n 公斤</numerusform>
        </translation>
    </message>
    <message>
        <source>Write &quot;rates import FILE&quot; or &quot;rates quote --carrier C --province P --weight GRAMS&quot;.</source>
        <translation>请写成“rates import 文件”或“rates quote --carrier 公司 --province 省份 --weight 克数”。</translation>
    </message>
    <message>
        <source>&quot;import&quot; adds a block of waybill numbers from a carrier; &quot;status&quot; shows how many numbers are left per carrier.</source>
        <translation>“import”导入快递公司的一段运单号；“status”显示各快递公司剩余的单号数量。</translation>
    </message>
    <message>
        <source>The carrier code.</source>
        <translation>快递公司代码。</translation>
    </message>
    <message>
        <source>Letters before the number (optional).</source>
        <translation>号码前的字母（可选）。</translation>
    </message>
    <message>
        <source>The first number of the block.</source>
        <translation>号段的第一个号码。</translation>
    </message>
    <message>
        <source>The last number of the block.</source>
        <translation>号段的最后一个号码。</translation>
    </message>
    <message>
        <source>Digits of the number, padded with zeros.</source>
        <translation>号码的位数，不足补零。</translation>
    </message>
    <message>
        <source>Imported %1 to %2 for %3; %4 number(s) left.</source>
        <translation>已为 %3 导入 %1 到 %2；剩余 %4 个单号。</translation>
    </message>
    <message>
        <source>Numbers left</source>
        <translation>剩余单号</translation>
    </message>
    <message>
        <source>No waybill numbers are left for any carrier.</source>
        <translation>所有快递公司的单号都已用完。</translation>
    </message>
    <message>
        <source>Write &quot;waybill-block import ...&quot; or &quot;waybill-block status&quot;.</source>
        <translation>请写成“waybill-block import ...”或“waybill-block status”。</translation>
    </message>
    <message>
        <source>Nothing shows the open manifest; &quot;bag WAYBILL...&quot; scans outgoing parcels and parcels of the return list into a bag; &quot;handover&quot; hands the manifest to the van; &quot;show ID&quot; shows a manifest.</source>
        <translation>不带参数显示当前交接单；“bag 运单号...”把要发出的包裹和退回清单中的包裹扫描装袋；“handover”把交接单交给货车；“show 编号”显示一张交接单。</translation>
    </message>
    <message>
        <source>With bag: the bag number.</source>
        <translation>与 bag 一起使用：袋号。</translation>
    </message>
    <message>
        <source>With bag: the bag&apos;s seal number.</source>
        <translation>与 bag 一起使用：袋子的封签号。</translation>
    </message>
    <message>
        <source>With handover: the van driver&apos;s name.</source>
        <translation>与 handover 一起使用：货车司机姓名。</translation>
    </message>
    <message>
        <source>With handover: the van&apos;s number plate.</source>
        <translation>与 handover 一起使用：货车车牌号。</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>交接单</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>已交接</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未交接</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>司机</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>袋号</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封签</translation>
    </message>
    <message numerus="yes">
        <source>%n bag(s), %1 parcel(s).</source>
        <translation>
            <numerusform>%n 袋，%1 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the waybills to put into the bag.</source>
        <translation>请给出要装袋的运单号。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is in bag %2 (seal %3), which holds %n parcel(s).</source>
        <translation>
            <numerusform>%1 在袋子 %2（封签 %3）中，该袋共 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Write &quot;manifest&quot;, &quot;manifest bag --bag NO --seal SEAL WAYBILL...&quot;, &quot;manifest handover --driver NAME --plate PLATE&quot; or &quot;manifest show ID&quot;.</source>
        <translation>请写成“manifest”、“manifest bag --bag 袋号 --seal 封签 运单号...”、“manifest handover --driver 姓名 --plate 车牌”或“manifest show 编号”。</translation>
    </message>
    <message>
        <source>Accept a parcel to send (real name, inspection, weight, fee); --list and --show the sent ones.</source>
        <translation>收寄要寄出的包裹（实名、验视、称重、运费）；--list 和 --show 查看已寄出的包裹。</translation>
    </message>
    <message>
        <source>Import the carriers&apos; zone rates, or quote a fee.</source>
        <translation>导入快递公司的分区资费，或计算运费。</translation>
    </message>
    <message>
        <source>Import a carrier&apos;s block of waybill numbers, or show what is left.</source>
        <translation>导入快递公司的运单号段，或查看剩余号码。</translation>
    </message>
    <message>
        <source>The van handover: show the open manifest, bag parcels, hand over, show a manifest.</source>
        <translation>货车交接：显示当前交接单、装袋、交接、查看交接单。</translation>
    </message>
    <message>
        <source>slip (pickup slip, --code), label (waybill label of a sent parcel, --waybill), arrivals (the day&apos;s list, --date), manifest (the open one, or --id), shelf-label (--slot).</source>
        <translation>slip（取件单，--code）、label（寄出包裹的运单标签，--waybill）、arrivals（当天到件清单，--date）、manifest（当前交接单，或 --id）、shelf-label（货架标签，--slot）。</translation>
    </message>
    <message>
        <source>slip: the pickup code.</source>
        <translation>slip：取件码。</translation>
    </message>
    <message>
        <source>label: the waybill of the sent parcel.</source>
        <translation>label：寄出包裹的运单号。</translation>
    </message>
    <message>
        <source>arrivals: the day, YYYY-MM-DD (default today).</source>
        <translation>arrivals：日期，YYYY-MM-DD（默认今天）。</translation>
    </message>
    <message>
        <source>manifest: the manifest id (default: the open one).</source>
        <translation>manifest：交接单编号（默认当前交接单）。</translation>
    </message>
    <message>
        <source>shelf-label: the place, e.g. 3-2.</source>
        <translation>shelf-label：位置，例如 3-2。</translation>
    </message>
    <message>
        <source>slip: receipt paper width, 58 (default) or 80 mm.</source>
        <translation>slip：小票纸宽度，58（默认）或 80 毫米。</translation>
    </message>
    <message>
        <source>label: 76x130 (default) or 100x150 mm.</source>
        <translation>label：76x130（默认）或 100x150 毫米。</translation>
    </message>
    <message>
        <source>Write the document as PDF to FILE.</source>
        <translation>把文档以 PDF 格式写入文件。</translation>
    </message>
    <message>
        <source>Print on this CUPS queue.</source>
        <translation>在这个 CUPS 打印队列上打印。</translation>
    </message>
    <message>
        <source>With --printer: send a bitmap at 203 dpi in the printer&apos;s own language, escpos, zpl or tspl, instead of PDF.</source>
        <translation>与 --printer 一起使用：以打印机自己的语言（escpos、zpl 或 tspl）发送 203 dpi 的位图，而不是 PDF。</translation>
    </message>
    <message>
        <source>List the jobs a printer has not taken yet.</source>
        <translation>列出打印机还没有接收的打印任务。</translation>
    </message>
    <message>
        <source>Send the waiting jobs again, oldest first.</source>
        <translation>重新发送等待中的打印任务，最早的在前。</translation>
    </message>
    <message>
        <source>--paper is 58 or 80, not &quot;%1&quot;.</source>
        <translation>--paper 应为 58 或 80，而不是“%1”。</translation>
    </message>
    <message>
        <source>Give the pickup code with --code.</source>
        <translation>请用 --code 给出取件码。</translation>
    </message>
    <message>
        <source>--size is 76x130 or 100x150, not &quot;%1&quot;.</source>
        <translation>--size 应为 76x130 或 100x150，而不是“%1”。</translation>
    </message>
    <message>
        <source>Give the waybill of the sent parcel with --waybill.</source>
        <translation>请用 --waybill 给出寄出包裹的运单号。</translation>
    </message>
    <message>
        <source>The open manifest has no bags yet. To print a manifest already handed over, give its id with --id (&quot;manifest handover&quot; shows it).</source>
        <translation>当前交接单还没有袋子。要打印已交接的交接单，请用 --id 给出编号（“manifest handover”会显示编号）。</translation>
    </message>
    <message>
        <source>Give the place with --slot, e.g. 3-2.</source>
        <translation>请用 --slot 给出位置，例如 3-2。</translation>
    </message>
    <message>
        <source>The station has no place %1.</source>
        <translation>服务站没有位置 %1。</translation>
    </message>
    <message>
        <source>Say what to print: slip, label, arrivals, manifest or shelf-label.</source>
        <translation>请说明要打印什么：slip、label、arrivals、manifest 或 shelf-label。</translation>
    </message>
    <message>
        <source>--paper goes with slip.</source>
        <translation>--paper 要与 slip 一起使用。</translation>
    </message>
    <message>
        <source>--size goes with label.</source>
        <translation>--size 要与 label 一起使用。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not something to print: slip, label, arrivals, manifest or shelf-label.</source>
        <translation>“%1”不是可打印的文档：slip、label、arrivals、manifest 或 shelf-label。</translation>
    </message>
    <message>
        <source>--raw is escpos, zpl or tspl, not &quot;%1&quot;.</source>
        <translation>--raw 应为 escpos、zpl 或 tspl，而不是“%1”。</translation>
    </message>
    <message>
        <source>No print jobs are waiting.</source>
        <translation>没有等待中的打印任务。</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近的错误</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still waiting in %1.</source>
        <translation>
            <numerusform>%1 中还有 %n 个打印任务在等待。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printed %n waiting job(s).</source>
        <translation>
            <numerusform>已打印 %n 个等待中的任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>No print jobs were waiting.</source>
        <translation>没有等待中的打印任务。</translation>
    </message>
    <message>
        <source>The job is kept in %1; run &quot;cunzhanctl print --retry&quot; when the printer is ready.</source>
        <translation>任务保存在 %1；打印机就绪后请运行“cunzhanctl print --retry”。</translation>
    </message>
    <message>
        <source>Printed &quot;%1&quot; on %2 (job %3).</source>
        <translation>已在 %2 上打印“%1”（任务 %3）。</translation>
    </message>
    <message>
        <source>Use --pending or --retry, not both.</source>
        <translation>--pending 和 --retry 只能用一个。</translation>
    </message>
    <message>
        <source>Say where the paper goes: --pdf FILE or --printer QUEUE (one of them).</source>
        <translation>请说明输出到哪里：--pdf 文件 或 --printer 队列（二选一）。</translation>
    </message>
    <message>
        <source>--raw goes with --printer.</source>
        <translation>--raw 要与 --printer 一起使用。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n page(s)).</source>
        <translation>
            <numerusform>已写入 %1（%n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Image files (PNG, JPEG, ...) to read barcodes from.</source>
        <translation>要读取条码的图片文件（PNG、JPEG……）。</translation>
    </message>
    <message>
        <source>Give one or more image files.</source>
        <translation>请给出一个或多个图片文件。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Cannot read the image %1: %2</source>
        <translation>无法读取图片 %1：%2</translation>
    </message>
    <message>
        <source>No barcode was found in %1.</source>
        <translation>在 %1 中没有找到条码。</translation>
    </message>
    <message>
        <source>Print a slip, label, arrival list, manifest or shelf label to PDF or a printer; --pending, --retry.</source>
        <translation>把取件单、运单标签、到件清单、交接单或货架标签打印成 PDF 或送到打印机；--pending、--retry。</translation>
    </message>
    <message>
        <source>Read the barcodes in image files.</source>
        <translation>读取图片文件中的条码。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mobile number, or its last 4 digits (required unless the county pre-alerted the waybill).</source>
        <translation>收件人手机号或其后 4 位（县里已预报该运单时可不填）。</translation>
    </message>
    <message>
        <source>The recipient comes from the county&apos;s pre-alert.</source>
        <translation>收件人信息来自县里的到件预报。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>The county server&apos;s address, e.g. https://county.example:8443.</source>
        <translation>县级服务器地址，例如 https://county.example:8443。</translation>
    </message>
    <message>
        <source>A PEM certificate to trust for the county server (when the county signs its own).</source>
        <translation>信任的县级服务器 PEM 证书（县里使用自签证书时）。</translation>
    </message>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation>无法读取证书 %1：%2</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>County&apos;s station id</source>
        <translation>县级站点编号</translation>
    </message>
    <message>
        <source>Registered as</source>
        <translation>登记名称</translation>
    </message>
    <message>
        <source>Enrolled. Run &quot;cunzhanctl sync&quot; to send the station&apos;s changes.</source>
        <translation>登记成功。运行“cunzhanctl sync”发送本站的更改。</translation>
    </message>
    <message>
        <source>Sync once and exit: 0 done, 5 the county cannot be reached (try later), 3 the station must be enrolled (again), 1 the county refused.</source>
        <translation>同步一次后退出：0 完成，5 无法连接县级服务器（稍后再试），3 需要（重新）登记，1 县里拒绝。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>已发送 %n 条更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n refused by the county)</source>
        <translation>
            <numerusform>（其中 %n 条被县里拒绝）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, received %n from the county.</source>
        <translation>
            <numerusform>，从县里收到 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Next attempt in %n second(s).</source>
        <translation>
            <numerusform>%n 秒后再次尝试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Refused by the county</source>
        <translation>被县里拒绝</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>上次成功</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>上次尝试</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Where to write the batch, e.g. on a USB stick.</source>
        <translation>批量文件的写入位置，例如 U 盘。</translation>
    </message>
    <message>
        <source>Give one file to write.</source>
        <translation>请指定一个要写入的文件。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n change(s) to %1. Take the file to the county centre; the changes are also sent again by the next sync.</source>
        <translation>
            <numerusform>已将 %n 条更改写入 %1。请把文件带到县级中心；下次同步时这些更改也会再次发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrol the station with the county server (once, with the county&apos;s code).</source>
        <translation>在县级服务器登记本服务站（一次，使用县里提供的登记码）。</translation>
    </message>
    <message>
        <source>Send the station&apos;s changes to the county and fetch the county&apos;s; keeps retrying until stopped, or once with --once.</source>
        <translation>把本站的更改发送给县里并获取县里的更新；持续重试直到停止，或用 --once 只同步一次。</translation>
    </message>
    <message>
        <source>Enrolment, changes waiting to be sent, refused changes, last sync.</source>
        <translation>登记情况、待发送的更改、被拒绝的更改、上次同步。</translation>
    </message>
    <message>
        <source>Write the changes not yet sent to a file for the county (USB).</source>
        <translation>把尚未发送的更改写入文件交给县里（U 盘）。</translation>
    </message>
    <message>
        <source>The one-time enrolment code from the county centre, or the text of its QR invite (which also names the server).</source>
        <translation>县级中心提供的一次性登记码，或其登记二维码的文本（其中也包含服务器地址）。</translation>
    </message>
    <message numerus="yes">
        <source>The same person has %n more parcel(s) waiting: %1.</source>
        <translation>
            <numerusform>此人还有 %n 件包裹待取：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Language of this run&apos;s output: zh_CN or en (default: the station&apos;s language setting, which is Chinese unless the station chose English; the shell&apos;s locale does not matter).</source>
        <translation>本次运行输出的语言：zh_CN 或 en（默认按服务站的语言设置，未选英文即为中文；与 shell 的区域设置无关）。</translation>
    </message>
    <message>
        <source>--lang takes zh_CN or en, not &quot;%1&quot;.</source>
        <translation>--lang 只能是 zh_CN 或 en，不能是“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n change(s) the county acknowledged before %1, and %2 notice(s) of parcels that have left the station.</source>
        <translation>
            <numerusform>已删除 %1 之前县中心已确认的 %n 条变更，以及已离站包裹的 %2 条通知。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove acknowledged changes and notices older than outbox_retention_days, in small steps.</source>
        <translation>分小批删除超过 outbox_retention_days 天的已确认变更和通知。</translation>
    </message>
    <message>
        <source>Nothing to show all settings, &quot;get KEY&quot; to show one, &quot;set KEY VALUE&quot; to change one. Keys: %1. The language is zh_CN (the default) or en: the language of the terminal, of cunzhanctl and of everything printed.</source>
        <translation>不带参数显示全部设置，“get 键名”显示一项，“set 键名 值”修改一项。键名：%1。语言为 zh_CN（默认）或 en：终端、cunzhanctl 和所有打印件使用的语言。</translation>
    </message>
    <message>
        <source>Run &quot;cunzhanctl COMMAND --help&quot; for a command&apos;s options. Global options go before the command.

Output: readable aligned text on stdout; messages for people on stderr. With --json, every result is one JSON object on its own line: a list prints one object per item (zero lines when it is empty), an action prints one object describing what it did (pickup: {&quot;parcels&quot;: [...], &quot;count&quot;, &quot;total_fee_fen&quot;}). On failure --json also prints {&quot;error&quot;: {&quot;kind&quot;, &quot;exit_code&quot;, &quot;code&quot;, &quot;message&quot;, &quot;details&quot;}}. Phone numbers and names are always masked.

Exit codes: 0 ok, 1 internal error, 2 bad input or usage, 3 conflict or state (duplicate, already picked up, station not set up), 4 not found, 5 unavailable (database locked, read-only, printer not ready, county server not reachable).

Environment: CUNZHAN_BUSY_TIMEOUT_MS as --busy-timeout.
</source>
        <translation>运行“cunzhanctl 命令 --help”查看该命令的选项。全局选项放在命令之前。

输出：可读的对齐文本输出到标准输出；给人看的提示输出到标准错误。使用 --json 时，每个结果是单独一行的 JSON 对象：列表每项一个对象（为空时不输出），操作输出一个描述结果的对象（pickup：{&quot;parcels&quot;: [...], &quot;count&quot;, &quot;total_fee_fen&quot;}）。失败时 --json 还会输出 {&quot;error&quot;: {&quot;kind&quot;, &quot;exit_code&quot;, &quot;code&quot;, &quot;message&quot;, &quot;details&quot;}}。手机号和姓名始终打码显示。

退出码：0 成功，1 内部错误，2 输入或用法错误，3 冲突或状态不符（重复、已取件、服务站未设置），4 未找到，5 不可用（数据库被锁定、只读、打印机未就绪、县级服务器无法连接）。

环境变量：CUNZHAN_BUSY_TIMEOUT_MS 同 --busy-timeout。
</translation>
    </message>
    <message>
        <source>search TEXT, or categories.</source>
        <translation>search 文本，或 categories。</translation>
    </message>
    <message>
        <source>search: only items of this category.</source>
        <translation>search：只找这个类别的商品。</translation>
    </message>
    <message>
        <source>search: at most this many items (1 to %1, default 20).</source>
        <translation>search：最多列出这么多件商品（1 到 %1，默认 20）。</translation>
    </message>
    <message>
        <source>--limit is a whole number from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--limit 应为 1 到 %1 的整数，而不是“%2”。</translation>
    </message>
    <message>
        <source>Give the text to search for: part of a name, pinyin initials or full pinyin, a barcode or an item number.</source>
        <translation>请给出要搜索的内容：名称的一部分、拼音首字母或全拼、条码或商品编号。</translation>
    </message>
    <message>
        <source>No item in the catalogue matches &quot;%1&quot;.</source>
        <translation>商品目录中没有与“%1”匹配的商品。</translation>
    </message>
    <message>
        <source>Item no.</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>price per unit</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>The catalogue is empty: it comes from the county centre with sync.</source>
        <translation>商品目录为空：目录由县中心通过同步下发。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Write &quot;catalogue search TEXT [--category C] [--limit N]&quot; or &quot;catalogue categories&quot;.</source>
        <translation>请写“catalogue search 文本 [--category 类别] [--limit N]”或“catalogue categories”。</translation>
    </message>
    <message>
        <source>Search the county&apos;s catalogue (name, pinyin, barcode) or list its categories.</source>
        <translation>搜索县中心的商品目录（名称、拼音、条码）或列出其类别。</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>catalogue item</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>With add: the credit limit in yuan (default 0).</source>
        <translation>用于 add：赊账额度，单位元（默认 0）。</translation>
    </message>
    <message>
        <source>With deposit, withdraw, repay: cash, wechat, alipay or bank (default cash).</source>
        <translation>用于 deposit、withdraw、repay：cash、wechat、alipay 或 bank（默认 cash 现金）。</translation>
    </message>
    <message>
        <source>--method is one of cash, wechat, alipay, bank.</source>
        <translation>--method 只能是 cash、wechat、alipay、bank 之一。</translation>
    </message>
    <message>
        <source>No villager matches.</source>
        <translation>没有符合的村民。</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>赊账额度</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>账目</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Give the villager&apos;s --name and --phone.</source>
        <translation>请用 --name 和 --phone 填写村民姓名和手机号。</translation>
    </message>
    <message>
        <source>Added %1 (id %2).</source>
        <translation>已添加 %1（编号 %2）。</translation>
    </message>
    <message>
        <source>Give a phone number, its last 4 digits or a name.</source>
        <translation>请填写手机号、手机号后 4 位或姓名。</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Order or note</source>
        <translation>订单或备注</translation>
    </message>
    <message>
        <source>The account has no entries yet.</source>
        <translation>该账户还没有账目。</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>余额：%1</translation>
    </message>
    <message>
        <source>The credit limit of %1 is now %2.</source>
        <translation>%1 的赊账额度现为 %2。</translation>
    </message>
    <message>
        <source>With place and list: the villager&apos;s id.</source>
        <translation>用于 place 和 list：村民编号。</translation>
    </message>
    <message>
        <source>With place, once per line: the item&apos;s sku, the quantity and optionally the unit price in fen the villager was told (default: the catalogue&apos;s).</source>
        <translation>用于 place，每项商品一次：商品编码、数量，以及可选的告知村民的单价（分；默认按商品目录价）。</translation>
    </message>
    <message>
        <source>With place: now, deposit or credit.</source>
        <translation>用于 place：now（当场付）、deposit（预存扣款）或 credit（赊账）。</translation>
    </message>
    <message>
        <source>With cancel: why.</source>
        <translation>用于 cancel：取消原因。</translation>
    </message>
    <message>
        <source>With list: placed, accepted, refused, shipped, arrived, collected or cancelled.</source>
        <translation>用于 list：placed、accepted、refused、shipped、arrived、collected 或 cancelled。</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Villager</source>
        <translation>村民</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Sku</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source> (catalogue %1)</source>
        <translation>（目录价 %1）</translation>
    </message>
    <message>
        <source>The catalogue&apos;s price of some items differed from the price ordered at.</source>
        <translation>部分商品的目录价与下单价不同。</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order line: write SKU:QUANTITY or SKU:QUANTITY:PRICE_FEN.</source>
        <translation>“%1”不是订单项：请写成 商品编码:数量 或 商品编码:数量:单价（分）。</translation>
    </message>
    <message>
        <source>Give --villager, at least one --line and --pay.</source>
        <translation>请给出 --villager、至少一个 --line 和 --pay。</translation>
    </message>
    <message>
        <source>An order has at most %1 lines.</source>
        <translation>一个订单最多 %1 项。</translation>
    </message>
    <message>
        <source>--pay is one of now, deposit, credit.</source>
        <translation>--pay 只能是 now、deposit、credit 之一。</translation>
    </message>
    <message>
        <source>--method goes with --pay now only.</source>
        <translation>--method 只能与 --pay now 一起使用。</translation>
    </message>
    <message>
        <source>--status is one of placed, accepted, refused, shipped, arrived, collected, cancelled.</source>
        <translation>--status 只能是 placed、accepted、refused、shipped、arrived、collected、cancelled 之一。</translation>
    </message>
    <message>
        <source>No order matches.</source>
        <translation>没有符合的订单。</translation>
    </message>
    <message>
        <source>add (with --name and --phone); edit ID (with the options to change); find PHONE-OR-NAME; show ID; ledger ID; deposit, withdraw or repay ID AMOUNT (yuan, e.g. 50 or 12.50); set-limit ID AMOUNT.</source>
        <translation>add（需 --name 和 --phone）；edit ID（加上要改的选项）；find 手机号或姓名；show ID；ledger ID；deposit、withdraw 或 repay ID 金额（元，如 50 或 12.50）；set-limit ID 金额。</translation>
    </message>
    <message>
        <source>With add and edit: the villager&apos;s name.</source>
        <translation>用于 add 和 edit：村民姓名。</translation>
    </message>
    <message>
        <source>With add and edit: the villager&apos;s mobile number (11 digits).</source>
        <translation>用于 add 和 edit：村民的手机号（11 位）。</translation>
    </message>
    <message>
        <source>With add and edit: the village group (村民小组).</source>
        <translation>用于 add 和 edit：村民小组。</translation>
    </message>
    <message>
        <source>With add, edit, deposit, withdraw, repay: a note.</source>
        <translation>用于 add、edit、deposit、withdraw、repay：备注。</translation>
    </message>
    <message>
        <source>Write &quot;villager add --name N --phone P&quot;, &quot;villager edit ID --name N&quot;, &quot;villager find Q&quot;, &quot;villager show|ledger ID&quot;, &quot;villager deposit|withdraw|repay|set-limit ID AMOUNT&quot;.</source>
        <translation>请写 “villager add --name 姓名 --phone 手机号”、“villager edit ID --name 姓名”、“villager find 查询”、“villager show|ledger ID”、“villager deposit|withdraw|repay|set-limit ID 金额”。</translation>
    </message>
    <message>
        <source>Give what to change: --name, --phone, --group or --note.</source>
        <translation>请给出要改的内容：--name、--phone、--group 或 --note。</translation>
    </message>
    <message>
        <source>Changed %1 (id %2).</source>
        <translation>已修改 %1（编号 %2）。</translation>
    </message>
    <message>
        <source>Villagers and their accounts: add, edit, find, show, ledger, deposit, withdraw, repay, credit limit.</source>
        <translation>村民和账户：新增、修改、查找、查看、账目、预存、取款、还款、赊账额度。</translation>
    </message>
    <message>
        <source>init NAME (the first owner); add NAME --role ROLE; list; reset-pin NAME; deactivate NAME; recover NAME (a forgotten owner PIN, with the recovery code).</source>
        <translation>init 姓名（第一位站长）；add 姓名 --role 角色；list；reset-pin 姓名；deactivate 姓名；recover 姓名（站长忘记密码时，用恢复码）。</translation>
    </message>
    <message>
        <source>With add: owner, keeper or trainee.</source>
        <translation>用于 add：owner（站长）、keeper（营业员）或 trainee（实习生）。</translation>
    </message>
    <message>
        <source>With recover: the recovery code printed at setup.</source>
        <translation>用于 recover：建立站长时打印的恢复码。</translation>
    </message>
    <message>
        <source>Read the new PIN (init, add, reset-pin, recover) from the first line of standard input; else from the environment variable CUNZHAN_NEW_PIN.</source>
        <translation>从标准输入的第一行读新密码（init、add、reset-pin、recover）；不给时读环境变量 CUNZHAN_NEW_PIN。</translation>
    </message>
    <message>
        <source>Give the new PIN with --new-pin-stdin or CUNZHAN_NEW_PIN.</source>
        <translation>请用 --new-pin-stdin 或 CUNZHAN_NEW_PIN 给出新密码。</translation>
    </message>
    <message>
        <source>This is the recovery code for a forgotten owner PIN. It is shown only now: print it or write it down, and keep it locked away.</source>
        <translation>这是站长忘记密码时用的恢复码，只显示这一次：请打印或抄下来，锁好保管。</translation>
    </message>
    <message>
        <source>Give one of: init NAME, add NAME --role ROLE, list, reset-pin NAME, deactivate NAME, recover NAME --code CODE.</source>
        <translation>请给出其中之一：init 姓名、add 姓名 --role 角色、list、reset-pin 姓名、deactivate 姓名、recover 姓名 --code 恢复码。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>输错次数</translation>
    </message>
    <message>
        <source>--role takes owner, keeper or trainee.</source>
        <translation>--role 只能是 owner、keeper 或 trainee。</translation>
    </message>
    <message>
        <source>%1: %2 rows chained, %3 from before, head %4</source>
        <translation>%1：%2 行在链上，%3 行早于记录链，链头 %4</translation>
    </message>
    <message>
        <source>The history in %1 was changed behind the program&apos;s back: %2 (at link %3).</source>
        <translation>%1 的记录被绕过程序改动过：%2（第 %3 环）。</translation>
    </message>
    <message>
        <source>The history in %1 was changed behind the program&apos;s back: %2 at row %3 (link %4).</source>
        <translation>%1 的记录被绕过程序改动过：%2，在第 %3 行（第 %4 环）。</translation>
    </message>
    <message>
        <source>Staff and PINs: the first owner, adding, listing, resetting, recovery.</source>
        <translation>人员和密码：第一位站长、添加、列出、重设、恢复。</translation>
    </message>
    <message>
        <source>Compare parcels found on places with the records; --apply fixes places. &quot;audit verify&quot; checks the tamper-evident history.</source>
        <translation>把货位上找到的包裹和记录比对；--apply 修正货位。&quot;audit verify&quot; 检查防篡改的记录链。</translation>
    </message>
    <message>
        <source>Act as this staff member; the PIN comes from --pin-stdin or the environment variable CUNZHAN_PIN. Once the station has an owner, commands that change data need it.</source>
        <translation>以这位人员的身份操作；密码来自 --pin-stdin 或环境变量 CUNZHAN_PIN。本站有站长以后，修改数据的命令都需要它。</translation>
    </message>
    <message>
        <source>Read the --user PIN from the first line of standard input.</source>
        <translation>从标准输入的第一行读 --user 的密码。</translation>
    </message>
    <message>
        <source>Give the PIN of %1 with --pin-stdin or the environment variable CUNZHAN_PIN.</source>
        <translation>请用 --pin-stdin 或环境变量 CUNZHAN_PIN 给出 %1 的密码。</translation>
    </message>
    <message>
        <source>place (with --villager, --line and --pay); cancel ID; list; show ID; refund ID.</source>
        <translation>place（需 --villager、--line 和 --pay）；cancel 编号；list；show 编号；refund 编号。</translation>
    </message>
    <message>
        <source>With place --pay now: cash, wechat, alipay or bank (default cash). With refund: how the money is paid back (default: as it was paid).</source>
        <translation>用于 place --pay now：cash、wechat、alipay 或 bank（默认 cash 现金）。用于 refund：退款方式（默认按原付款方式）。</translation>
    </message>
    <message>
        <source>With refund: credit the money to the villager&apos;s deposit instead of paying it out.</source>
        <translation>用于 refund：把钱存入村民的预存，不退现。</translation>
    </message>
    <message>
        <source>With list: only the refused orders whose money is still to be paid back.</source>
        <translation>用于 list：只列出被拒绝、钱还没退给村民的订单。</translation>
    </message>
    <message>
        <source>The county refused this order: %1 is to be paid back to the villager (&quot;order refund %2&quot;).</source>
        <translation>县中心拒绝了这个订单：要退给村民 %1（“order refund %2”）。</translation>
    </message>
    <message>
        <source>Give --to-account or --method, not both.</source>
        <translation>--to-account 和 --method 只能给一个。</translation>
    </message>
    <message>
        <source>Write &quot;order place --villager ID --line SKU:QTY --pay HOW&quot;, &quot;order cancel ID&quot;, &quot;order list&quot;, &quot;order show ID&quot; or &quot;order refund ID&quot;.</source>
        <translation>请写“order place --villager 编号 --line 商品编码:数量 --pay 方式”、“order cancel 编号”、“order list”、“order show 编号”或“order refund 编号”。</translation>
    </message>
    <message>
        <source>Proxy orders for villagers: place, cancel, list, show, refund.</source>
        <translation>为村民代购：下单、取消、列表、查看、退款。</translation>
    </message>
    <message>
        <source>Enrol even though the station is enrolled with another county server or as another station (its waiting changes then go to the new one).</source>
        <translation>即使本站已登记在另一台县级服务器或登记为另一个站点，也要登记（待发送的更改将发往新的服务器）。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n change(s) in %1 files, %2 to %3. Take all of them to the county centre; the changes are also sent again by the next sync.</source>
        <translation>
            <numerusform>已将 %n 项更改写入 %1 个文件（%2 至 %3）。请把这些文件全部带到县中心；下次同步时这些更改也会再次发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>The station was enrolled before batches were signed, so the file is not signed: the county imports it only when told to. Enrol again to sign them.</source>
        <translation>本站是在批量文件签名功能之前登记的，所以文件没有签名：县中心只有在明确指定时才会导入。重新登记即可签名。</translation>
    </message>
</context>
<context>
    <name>cz::barcode</name>
    <message>
        <source>There is no text to encode as Code 128.</source>
        <translation>没有可编码为 Code 128 的文字。</translation>
    </message>
    <message>
        <source>A Code 128 symbol needs a module width and a height of at least one dot.</source>
        <translation>Code 128 条码的模块宽度和高度至少为一个点。</translation>
    </message>
    <message>
        <source>Code 128 holds only ASCII characters: %1</source>
        <translation>Code 128 只能包含 ASCII 字符：%1</translation>
    </message>
    <message>
        <source>%1 cannot be encoded as Code 128.</source>
        <translation>%1 无法编码为 Code 128。</translation>
    </message>
    <message>
        <source>%1 cannot be encoded as Code 128: %2</source>
        <translation>%1 无法编码为 Code 128：%2</translation>
    </message>
    <message>
        <source>There is no text to encode as a QR code.</source>
        <translation>没有可编码为二维码的文字。</translation>
    </message>
    <message>
        <source>A QR code needs a module size of at least one dot.</source>
        <translation>二维码的模块大小至少为一个点。</translation>
    </message>
    <message>
        <source>The text cannot be encoded as a QR code.</source>
        <translation>这段文字无法编码为二维码。</translation>
    </message>
    <message>
        <source>The text cannot be encoded as a QR code: %1</source>
        <translation>这段文字无法编码为二维码：%1</translation>
    </message>
</context>
<context>
    <name>cz::sync::SyncWorker</name>
    <message>
        <source>Sync could not start: the station database is not open.</source>
        <translation>同步无法启动：服务站数据库未打开。</translation>
    </message>
</context>
<context>
    <name>cz::ui::AuditModel</name>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Misplaced</source>
        <translation>放错</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不认识</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Recorded place</source>
        <translation>记录位置</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>实际位置</translation>
    </message>
</context>
<context>
    <name>cz::ui::BasketModel</name>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>cz::ui::CameraScanner</name>
    <message>
        <source>Scan with camera</source>
        <translation>用摄像头扫码</translation>
    </message>
    <message>
        <source>Hold the barcode in front of the camera.</source>
        <translation>请把条码对准摄像头。</translation>
    </message>
    <message>
        <source>The camera cannot be used: %1</source>
        <translation>无法使用摄像头：%1</translation>
    </message>
</context>
<context>
    <name>cz::ui::DispatchModel</name>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Fee (yuan)</source>
        <translation>运费（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>cz::ui::EnrolDialog</name>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>连接(&amp;O)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Connect to the county centre</source>
        <translation>连接县级中心</translation>
    </message>
    <message>
        <source>e.g. https://county.example.cn:8443</source>
        <translation>例如 https://county.example.cn:8443</translation>
    </message>
    <message>
        <source>from the county centre, e.g. K7QM-2XPD</source>
        <translation>由县级中心提供，例如 K7QM-2XPD</translation>
    </message>
    <message>
        <source>optional: only for a county with its own certificate</source>
        <translation>可选：仅当县里使用自签证书时需要</translation>
    </message>
    <message>
        <source>County &amp;server:</source>
        <translation>县级服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation>登记码(&amp;C)：</translation>
    </message>
    <message>
        <source>CA c&amp;ertificate:</source>
        <translation>CA 证书(&amp;E)：</translation>
    </message>
    <message>
        <source>Connected: the county knows this station as %1 (%2).</source>
        <extracomment>After enrolment: the station&apos;s name and id at the county centre</extracomment>
        <translation>已连接：县里登记的本站名称为 %1（%2）。</translation>
    </message>
    <message>
        <source>Choose the county&apos;s CA certificate</source>
        <translation>选择县里的 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Give the county server&apos;s address and the enrolment code.</source>
        <translation>请填写县级服务器地址和登记码。</translation>
    </message>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation>无法读取证书 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate.</source>
        <translation>%1 不是 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
</context>
<context>
    <name>cz::ui::HandoverPage</name>
    <message>
        <source>&amp;Hand over to the van</source>
        <translation>交给货车(&amp;H)</translation>
    </message>
    <message>
        <source>Print &amp;manifest</source>
        <translation>打印交接单(&amp;M)</translation>
    </message>
    <message>
        <source>e.g. B1</source>
        <translation>例如 B1</translation>
    </message>
    <message>
        <source>scan the seal&apos;s number</source>
        <translation>扫描封签号</translation>
    </message>
    <message>
        <source>scan each parcel going into the bag</source>
        <translation>逐件扫描装入这个袋子的包裹</translation>
    </message>
    <message>
        <source>&amp;Bag number:</source>
        <translation>袋号(&amp;B)：</translation>
    </message>
    <message>
        <source>Sea&amp;l:</source>
        <translation>封签(&amp;L)：</translation>
    </message>
    <message>
        <source>Scan &amp;waybill:</source>
        <translation>扫描运单(&amp;W)：</translation>
    </message>
    <message>
        <source>Dri&amp;ver:</source>
        <translation>司机(&amp;V)：</translation>
    </message>
    <message>
        <source>Number pla&amp;te:</source>
        <translation>车牌(&amp;T)：</translation>
    </message>
    <message numerus="yes">
        <source>%1 is in bag %2 (%n parcel(s) in it).</source>
        <translation>
            <numerusform>%1 已装入袋子 %2（袋中共 %n 件）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand over to the van</source>
        <translation>交给货车</translation>
    </message>
    <message numerus="yes">
        <source>Hand %n parcel(s) in %1 bag(s) to %2 (%3)? They cannot be bagged again.</source>
        <translation>
            <numerusform>把 %1 个袋子中的 %n 件包裹交给 %2（%3）？交接后不能再装袋。</numerusform>
        </translation>
    </message>
    <message>
        <source>Handed over to %1. Print the manifest for the driver to sign.</source>
        <translation>已交给 %1。请打印交接单给司机签字。</translation>
    </message>
    <message>
        <source>Nothing is bagged yet: scan the outgoing parcels into bags first.</source>
        <translation>还没有装袋的包裹：请先把要发出的包裹扫描装袋。</translation>
    </message>
    <message numerus="yes">
        <source>Open manifest: %n parcel(s)</source>
        <translation>
            <numerusform>当前交接单：%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bag(s)</source>
        <translation>
            <numerusform>%n 袋</numerusform>
        </translation>
    </message>
    <message>
        <source>Handov&amp;er</source>
        <translation>交接(&amp;E)</translation>
    </message>
</context>
<context>
    <name>cz::ui::LoginPanel</name>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s)</source>
        <translation>
            <numerusform>%n 位数字</numerusform>
        </translation>
    </message>
    <message>
        <source>The terminal is locked</source>
        <translation>终端已锁定</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>人员(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>While the terminal is locked, scan a pickup code or waybill to see where the parcel is. Nothing is handed over or changed until someone logs in.</source>
        <translation>锁定时可以扫取件码或运单号，查看包裹放在哪里。有人登录之前，不能交付，也不能修改任何数据。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Login list: a staff member&apos;s name and role, e.g. &quot;王芳 (keeper)&quot;</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Choose who is logging in.</source>
        <translation>请选择登录的人员。</translation>
    </message>
    <message>
        <source>Pickup code %1 (%2, waybill %3) is at %4. Log in to hand it over.</source>
        <extracomment>While locked: a scanned parcel&apos;s place (shelf-layer), e.g. &quot;… is at 1-2.&quot;</extracomment>
        <translation>取件码 %1（%2，运单 %3）在 %4。登录后才能交付。</translation>
    </message>
</context>
<context>
    <name>cz::ui::MainWindow</name>
    <message>
        <source>%1 (F%2)</source>
        <extracomment>Rail entry: the page name and its function key, e.g. &quot;Receive (F1)&quot;</extracomment>
        <translation>%1（F%2）</translation>
    </message>
    <message>
        <source>Cunzhan — %1</source>
        <translation>村站 — %1</translation>
    </message>
    <message>
        <source>Station: %1</source>
        <translation>服务站：%1</translation>
    </message>
    <message numerus="yes">
        <source>Retr&amp;y printing (%n waiting)</source>
        <translation>
            <numerusform>重新打印(&amp;Y)（%n 个等待中）</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan with &amp;camera</source>
        <translation>摄像头扫码(&amp;C)</translation>
    </message>
    <message>
        <source>Scan a barcode with the camera (F9)</source>
        <translation>用摄像头扫描条码（F9）</translation>
    </message>
    <message>
        <source>No camera is connected.</source>
        <translation>没有连接摄像头。</translation>
    </message>
    <message>
        <source>Synced with the county.</source>
        <translation>已与县里同步。</translation>
    </message>
    <message>
        <source>Syncing with the county…</source>
        <translation>正在与县里同步…</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>寄件</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Proxy buying</source>
        <translation>代购</translation>
    </message>
    <message>
        <source>S&amp;witch user</source>
        <translation>切换人员(&amp;W)</translation>
    </message>
    <message>
        <source>Loc&amp;k</source>
        <translation>锁定(&amp;K)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Above the rail: who is logged in and their role, e.g. &quot;王芳 · keeper&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>cz::ui::ManifestModel</name>
    <message>
        <source>Bag</source>
        <translation>袋号</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封签</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
</context>
<context>
    <name>cz::ui::OrderPage</name>
    <message>
        <source>Remove li&amp;ne</source>
        <translation>删除此行(&amp;N)</translation>
    </message>
    <message>
        <source>Pla&amp;ce order</source>
        <translation>下单(&amp;C)</translation>
    </message>
    <message>
        <source>Scan a product, or type its name or pinyin (xdw)</source>
        <translation>扫商品条码，或输入名称、拼音（如 xdw）</translation>
    </message>
    <message>
        <source>Last 4 digits of the phone, or the name</source>
        <translation>手机尾号4位或姓名</translation>
    </message>
    <message>
        <source>Pay now</source>
        <translation>现付</translation>
    </message>
    <message>
        <source>From deposit</source>
        <translation>预存扣款</translation>
    </message>
    <message>
        <source>On credit</source>
        <translation>赊账</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>商品(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>村民(&amp;W)：</translation>
    </message>
    <message>
        <source>Pa&amp;yment:</source>
        <translation>付款(&amp;Y)：</translation>
    </message>
    <message>
        <source>%1 has been withdrawn from the catalogue.</source>
        <translation>%1 已从目录下架。</translation>
    </message>
    <message>
        <source>No item in the catalogue has the barcode %1.</source>
        <translation>目录中没有条码为 %1 的商品。</translation>
    </message>
    <message>
        <source>%1%2 — %3 yuan</source>
        <translation>%1%2 — %3 元</translation>
    </message>
    <message>
        <source>%1: %2 in the basket.</source>
        <translation>%1：购物篮中 %2 件。</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Total: %1 yuan</source>
        <translation>合计：%1 元</translation>
    </message>
    <message>
        <source>No villager matches %1. Add the villager on the Villagers page.</source>
        <translation>没有与 %1 匹配的村民。请在“村民账户”页添加。</translation>
    </message>
    <message numerus="yes">
        <source>%n villager(s) found.</source>
        <translation>
            <numerusform>找到 %n 位村民。</numerusform>
        </translation>
    </message>
    <message>
        <source>The basket is empty: scan or search the items first.</source>
        <translation>购物篮是空的：请先扫码或搜索商品。</translation>
    </message>
    <message>
        <source>Choose the villager the order is for.</source>
        <translation>请选择下单的村民。</translation>
    </message>
    <message>
        <source>Not ordered: %1</source>
        <translation>未下单：%1</translation>
    </message>
    <message>
        <source>Ordered for %1: %2 yuan.</source>
        <translation>已为 %1 下单：%2 元。</translation>
    </message>
    <message>
        <source>Some prices differ from the catalogue now; the order keeps the prices shown.</source>
        <translation>部分价格与当前目录不同；订单按显示的价格记录。</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>凭条</translation>
    </message>
    <message>
        <source>Print a receipt for this order?</source>
        <translation>打印此订单的凭条吗？</translation>
    </message>
    <message>
        <source>&amp;Buy for villagers</source>
        <translation>代购下单(&amp;B)</translation>
    </message>
</context>
<context>
    <name>cz::ui::OrdersPage</name>
    <message>
        <source>paid now</source>
        <translation>现付</translation>
    </message>
    <message>
        <source>from deposit</source>
        <translation>预存扣款</translation>
    </message>
    <message>
        <source>on credit</source>
        <translation>赊账</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Villager</source>
        <translation>村民</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation>取消订单(&amp;C)…</translation>
    </message>
    <message>
        <source>Pr&amp;int receipt</source>
        <translation>打印凭条(&amp;I)</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>全部订单</translation>
    </message>
    <message>
        <source>Refund due</source>
        <translation>待退款</translation>
    </message>
    <message>
        <source>Why the order is cancelled</source>
        <translation>取消订单的原因</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Reaso&amp;n:</source>
        <translation>原因(&amp;N)：</translation>
    </message>
    <message numerus="yes">
        <source>%n refused order(s) refunded.</source>
        <translation>
            <numerusform>已为 %n 个被拒订单退款。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, refund due</source>
        <translation>%1，待退款</translation>
    </message>
    <message>
        <source>Choose an order to see its lines and events.</source>
        <translation>选择一个订单查看明细和记录。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 yuan, %4</source>
        <translation>%1 · %2 · %3 元，%4</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>prices differ from the catalogue</source>
        <translation>价格与目录不同</translation>
    </message>
    <message>
        <source>Say why the order is cancelled.</source>
        <translation>请填写取消订单的原因。</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Cancel this order? The money goes back to where it came from.</source>
        <translation>取消此订单吗？款项将原路退回。</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>未取消：%1</translation>
    </message>
    <message>
        <source>Cancelled; %1 yuan refunded.</source>
        <translation>已取消；已退款 %1 元。</translation>
    </message>
    <message>
        <source>Order &amp;list</source>
        <translation>订单(&amp;L)</translation>
    </message>
    <message>
        <source>Pay re&amp;fund…</source>
        <translation>退款(&amp;amp;F)…</translation>
    </message>
    <message>
        <source>Into the deposit</source>
        <translation>存入预存</translation>
    </message>
    <message>
        <source>Put %1 yuan into the deposit of %2?</source>
        <translation>把 %1 元存入 %2 的预存？</translation>
    </message>
    <message>
        <source>Pay %1 yuan back to %2 by %3?</source>
        <translation>用%3退给 %2 %1 元？</translation>
    </message>
    <message>
        <source>Pay refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Not refunded: %1</source>
        <translation>未退款：%1</translation>
    </message>
    <message>
        <source>Refunded %1 yuan.</source>
        <translation>已退款 %1 元。</translation>
    </message>
</context>
<context>
    <name>cz::ui::OverdueModel</name>
    <message>
        <source>Unclaimed — consider returning</source>
        <translation>无人领取——建议退回</translation>
    </message>
    <message>
        <source>Days held</source>
        <translation>已存放天数</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>超期天数</translation>
    </message>
    <message>
        <source>Fee so far (yuan)</source>
        <translation>已产生费用（元）</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
</context>
<context>
    <name>cz::ui::OverduePage</name>
    <message>
        <source>&amp;Queue reminders</source>
        <translation>发送提醒(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Mark for return</source>
        <translation>标记退回(&amp;M)</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>optional, e.g. box crushed on arrival</source>
        <translation>可选，例如：到站时外箱压坏</translation>
    </message>
    <message>
        <source>Over&amp;due parcels:</source>
        <translation>超期包裹(&amp;D)：</translation>
    </message>
    <message>
        <source>Reaso&amp;n:</source>
        <translation>原因(&amp;N)：</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>Return &amp;list:</source>
        <translation>退回清单(&amp;L)：</translation>
    </message>
    <message>
        <source>%1 is not in the overdue list.</source>
        <translation>%1 不在超期清单中。</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue, fees so far %1 yuan.</source>
        <translation>
            <numerusform>超期 %n 件，已产生费用 %1 元。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unclaimed.</source>
        <translation>
            <numerusform>无人领取 %n 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) queued.</source>
        <translation>
            <numerusform>已加入 %n 条提醒。</numerusform>
        </translation>
    </message>
    <message>
        <source>0 reminders queued: no parcel is overdue.</source>
        <translation>已加入 0 条提醒：没有超期包裹。</translation>
    </message>
    <message>
        <source>0 reminders queued: every overdue parcel was already reminded today.</source>
        <translation>已加入 0 条提醒：所有超期包裹今天都已提醒过。</translation>
    </message>
    <message>
        <source>Select a parcel in the overdue list first.</source>
        <translation>请先在超期清单中选择一件包裹。</translation>
    </message>
    <message>
        <source>Choose why the parcel goes back.</source>
        <translation>请选择退回原因。</translation>
    </message>
    <message>
        <source>%1 (waybill %2) is marked for return: %3.</source>
        <translation>%1（运单号 %2）已标记退回：%3。</translation>
    </message>
    <message>
        <source>&amp;Overdue &amp;&amp; returns</source>
        <translation>超期与退回(&amp;O)</translation>
    </message>
</context>
<context>
    <name>cz::ui::OwnerDialog</name>
    <message>
        <source>&amp;Create owner</source>
        <translation>建立站长(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;kip for now</source>
        <translation>暂时跳过(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Print the code</source>
        <translation>打印恢复码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Done, the code is kept</source>
        <translation>已保管好恢复码(&amp;D)</translation>
    </message>
    <message>
        <source>Station owner</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Who runs this station? The owner (站长) sets the fees and settings and adds the staff. Everyone then logs in with a name and a %1-digit PIN.</source>
        <translation>谁是本站的站长？站长设置收费标准和各项设置，并添加店员。之后每个人都用姓名和 %1 位数字密码登录。</translation>
    </message>
    <message>
        <source>Owner&apos;s &amp;name:</source>
        <translation>站长姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;PIN (%1 digits):</source>
        <translation>密码（%1 位数字）(&amp;P)：</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <translation>再输一次密码(&amp;A)：</translation>
    </message>
    <message>
        <source>This is the owner&apos;s recovery code. It is shown only now. Print it or write it down and keep it locked away: it is the only way to set a new owner PIN when the PIN is forgotten.</source>
        <translation>这是站长的恢复码，只显示这一次。请打印或抄下来锁好：站长忘记密码时，只有用它才能重设密码。</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>两次输入的密码不一样，请输入相同的密码两次。</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>Owner recovery code</source>
        <translation>站长恢复码</translation>
    </message>
    <message>
        <source>Keep locked away. Resets a forgotten owner PIN.</source>
        <translation>请锁好保管。站长忘记密码时用它重设。</translation>
    </message>
    <message>
        <source>Sent to the slip printer.</source>
        <translation>已发送到小票打印机。</translation>
    </message>
</context>
<context>
    <name>cz::ui::ParcelsPage</name>
    <message>
        <source>Pickup code, waybill, or last 4 digits of the phone</source>
        <translation>取件码、运单号或手机后四位</translation>
    </message>
    <message>
        <source>In the station</source>
        <translation>在站包裹</translation>
    </message>
    <message>
        <source>All parcels</source>
        <translation>全部包裹</translation>
    </message>
    <message>
        <source>Sear&amp;ch:</source>
        <translation>查找(&amp;C)：</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s)</source>
        <translation>
            <numerusform>%n 件包裹</numerusform>
        </translation>
    </message>
    <message>
        <source>P&amp;arcels</source>
        <translation>包裹(&amp;A)</translation>
    </message>
</context>
<context>
    <name>cz::ui::PickupModel</name>
    <message>
        <source>Days held</source>
        <translation>已存放天数</translation>
    </message>
    <message>
        <source>Fee (yuan)</source>
        <translation>费用（元）</translation>
    </message>
</context>
<context>
    <name>cz::ui::PickupPage</name>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>交付(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Undo last handover</source>
        <translation>撤销上次交付(&amp;U)</translation>
    </message>
    <message>
        <source>Pickup code, waybill, or last 4 digits of the phone</source>
        <translation>取件码、运单号或手机后四位</translation>
    </message>
    <message>
        <source>empty: the recipient in person</source>
        <translation>留空：收件人本人</translation>
    </message>
    <message>
        <source>&amp;Look up:</source>
        <translation>查询(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Collected by:</source>
        <translation>取件人(&amp;C)：</translation>
    </message>
    <message>
        <source>Enter a pickup code, a waybill number or the last 4 digits of the phone.</source>
        <translation>请输入取件码、运单号或手机后四位。</translation>
    </message>
    <message>
        <source>Tick at least one parcel to hand over.</source>
        <translation>请至少勾选一件要交付的包裹。</translation>
    </message>
    <message>
        <source>Handed over: %1. Fee collected: %2 yuan.</source>
        <translation>已交付：%1。已收费用：%2 元。</translation>
    </message>
    <message>
        <source>Handover undone; the parcels are back with the codes %1.</source>
        <translation>已撤销交付；包裹恢复的取件码为 %1。</translation>
    </message>
    <message>
        <source>Fee: %1 yuan</source>
        <translation>费用：%1 元</translation>
    </message>
    <message>
        <source>&amp;Pickup</source>
        <translation>出库(&amp;P)</translation>
    </message>
    <message numerus="yes">
        <source>Parcels of %n different people match. Only %1&apos;s are ticked: check who is collecting before ticking anyone else&apos;s.</source>
        <translation>
            <numerusform>匹配到 %n 个不同的人的包裹。只勾选了 %1 的包裹：勾选其他人的包裹前，请先核对取件人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) waiting for %1. Press Enter to hand over the ticked ones.</source>
        <translation>
            <numerusform>%1 有 %n 件包裹待取。按回车交付已勾选的包裹。</numerusform>
        </translation>
    </message>
    <message>
        <source>Parcels of several people</source>
        <translation>多人的包裹</translation>
    </message>
    <message>
        <source>%1

Hand all of them to the person at the counter?</source>
        <translation>%1

全部交给柜台前的这个人吗？</translation>
    </message>
    <message>
        <source>Nothing was handed over. Untick the parcels of anyone not collecting.</source>
        <translation>没有交付任何包裹。请取消勾选不来取件的人的包裹。</translation>
    </message>
</context>
<context>
    <name>cz::ui::PrealertModel</name>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
</context>
<context>
    <name>cz::ui::PrintPreview</name>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more page(s)</source>
        <translation>
            <numerusform>……还有 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Whole pa&amp;ge</source>
        <translation>整页(&amp;G)</translation>
    </message>
    <message>
        <source>Zoom out (%1)</source>
        <translation>缩小（%1）</translation>
    </message>
    <message>
        <source>Zoom in (%1)</source>
        <translation>放大（%1）</translation>
    </message>
</context>
<context>
    <name>cz::ui::PrintService</name>
    <message>
        <source>pickup slips</source>
        <translation>取件单</translation>
    </message>
    <message>
        <source>waybill labels</source>
        <translation>运单标签</translation>
    </message>
    <message>
        <source>A4 lists</source>
        <translation>A4 清单</translation>
    </message>
    <message>
        <source>No printer is chosen for %1: choose one under Settings.</source>
        <translation>还没有为%1选择打印机：请在设置中选择。</translation>
    </message>
    <message numerus="yes">
        <source>Not printed: %1 (%n job(s) waiting)</source>
        <translation>
            <numerusform>未打印：%1（%n 个任务等待中）</numerusform>
        </translation>
    </message>
    <message>
        <source>The terminal closed before the job was sent; it waits in the print queue.</source>
        <translation>终端在发送任务前已关闭；任务保留在打印队列中。</translation>
    </message>
</context>
<context>
    <name>cz::ui::ReceivePage</name>
    <message>
        <source>&amp;Carrier:</source>
        <translation>快递公司(&amp;C)：</translation>
    </message>
    <message>
        <source>Recei&amp;ve</source>
        <translation>入库(&amp;V)</translation>
    </message>
    <message>
        <source>Scan the waybill barcode</source>
        <translation>扫描运单条码</translation>
    </message>
    <message>
        <source>11 digits, or the last 4</source>
        <translation>11 位手机号，或后四位</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Waybill:</source>
        <translation>运单号(&amp;W)：</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>手机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s arrivals:</source>
        <translation>今日到件(&amp;T)：</translation>
    </message>
    <message>
        <source>Several carriers use numbers like this one: check the carrier (%1 is chosen).</source>
        <translation>多家快递公司使用类似单号：请核对快递公司（已选 %1）。</translation>
    </message>
    <message>
        <source>Choose the carrier.</source>
        <translation>请选择快递公司。</translation>
    </message>
    <message>
        <source>Place %1 · %2</source>
        <translation>位置 %1 · %2</translation>
    </message>
    <message>
        <source>Every place is full: put it on %1 anyway and make room soon.</source>
        <translation>所有位置都已满：先放在 %1，请尽快腾出空间。</translation>
    </message>
    <message>
        <source>Put it beside the same person&apos;s other parcels.</source>
        <translation>请放在同一收件人的其他包裹旁边。</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>入库(&amp;R)</translation>
    </message>
    <message>
        <source>Print s&amp;lip</source>
        <translation>打印取件单(&amp;L)</translation>
    </message>
    <message>
        <source>Print a slip for every parcel a&amp;utomatically</source>
        <translation>每件包裹自动打印取件单(&amp;U)</translation>
    </message>
    <message>
        <source>Print arr&amp;ivals</source>
        <translation>打印到件清单(&amp;I)</translation>
    </message>
    <message>
        <source>Recipient filled in from the county&apos;s pre-alert.</source>
        <translation>已根据县里的到件预报填入收件人。</translation>
    </message>
    <message numerus="yes">
        <source>Expected today (county pre-alert): %n not scanned in yet</source>
        <translation>
            <numerusform>今日预报到件（县里预报）：%n 件尚未入库</numerusform>
        </translation>
    </message>
    <message>
        <source>Announced by the county for %1: press Enter to receive it.</source>
        <translation>县中心已预报，收件人 %1：按回车入库。</translation>
    </message>
</context>
<context>
    <name>cz::ui::RejectedOpsDialog</name>
    <message>
        <source>Changes the county refused</source>
        <translation>被县里拒绝的更改</translation>
    </message>
    <message>
        <source>These changes were kept on this station but the county did not accept them. Later changes were sent as usual. Tell the county centre if one needs fixing.</source>
        <translation>这些更改保留在本站，但县里没有接受。之后的更改照常发送。如需更正，请告知县级中心。</translation>
    </message>
</context>
<context>
    <name>cz::ui::RejectedOpsModel</name>
    <message>
        <source>Op %1 · %2 · %3</source>
        <extracomment>Tooltip of a refused op: its id, the county&apos;s answer (&quot;rejected&quot;/&quot;conflict&quot;) and reason code</extracomment>
        <translation>操作 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>cz::ui::SendPage</name>
    <message>
        <source>Inspected, nothing prohi&amp;bited</source>
        <translation>已验视，无禁寄物品(&amp;B)</translation>
    </message>
    <message>
        <source>Accept (Enter)</source>
        <translation>收寄（回车）</translation>
    </message>
    <message>
        <source>Print &amp;label</source>
        <translation>打印标签(&amp;L)</translation>
    </message>
    <message>
        <source>18 characters, from the ID card</source>
        <translation>18 位，见身份证</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 位数字</translation>
    </message>
    <message>
        <source>empty: the next number of the carrier&apos;s block</source>
        <translation>留空：使用该快递公司单号段的下一个号码</translation>
    </message>
    <message>
        <source>what exactly, e.g. navel oranges</source>
        <translation>具体物品，例如 脐橙</translation>
    </message>
    <message>
        <source> g</source>
        <translation> 克</translation>
    </message>
    <message>
        <source>Enter accepts the parcel</source>
        <translation>按回车收寄包裹</translation>
    </message>
    <message>
        <source>Sender &amp;name:</source>
        <translation>寄件人姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Sender &amp;mobile:</source>
        <translation>寄件人手机(&amp;M)：</translation>
    </message>
    <message>
        <source>Resident &amp;ID:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Kind of contents:</source>
        <translation>物品类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>重量(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Carrier:</source>
        <translation>快递公司(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;To (recipient):</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>Recipient p&amp;hone:</source>
        <translation>收件人手机(&amp;H)：</translation>
    </message>
    <message>
        <source>Pro&amp;vince:</source>
        <translation>省份(&amp;V)：</translation>
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation>城市(&amp;Y)：</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>区县：</translation>
    </message>
    <message>
        <source>Street and ho&amp;use:</source>
        <translation>街道门牌(&amp;U)：</translation>
    </message>
    <message>
        <source>Sent today:</source>
        <translation>今日寄件：</translation>
    </message>
    <message>
        <source>ID checked.</source>
        <translation>身份证号已核对。</translation>
    </message>
    <message>
        <source>Weigh the parcel and choose the province for the fee.</source>
        <translation>请称重并选择省份以计算运费。</translation>
    </message>
    <message>
        <source>Fee %1 yuan · zone %2 · %3 kg</source>
        <extracomment>The live quote: fee, routing zone, chargeable kilograms</extracomment>
        <translation>运费 %1 元 · 分区 %2 · %3 公斤</translation>
    </message>
    <message>
        <source>Accepted: %1 yuan to collect, zone %2. Write the waybill on the parcel or print the label.</source>
        <translation>已收寄：应收 %1 元，分区 %2。请在包裹上写运单号或打印标签。</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>寄件(&amp;D)</translation>
    </message>
    <message>
        <source>Waybill no. (i&amp;f any):</source>
        <translation>预印单号（如有）(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>cz::ui::SettingsPage</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>e.g. 1-4:3x30,A:2x10 (shelves 1 to 4, 3 layers of 30 parcels)</source>
        <translation>例如 1-4:3x30,A:2x10（1 到 4 号货架，每个 3 层，每层 30 件）</translation>
    </message>
    <message>
        <source>Station &amp;name:</source>
        <translation>站名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Free days:</source>
        <translation>免费保管天数(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;ee per day after that:</source>
        <translation>之后每天保管费(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Undo a handover within:</source>
        <translation>交付后可撤销时限(&amp;U)：</translation>
    </message>
    <message>
        <source>Suggest &amp;return after:</source>
        <translation>超过多少天建议退回(&amp;R)：</translation>
    </message>
    <message>
        <source>Shelf &amp;layout:</source>
        <translation>货架布局(&amp;L)：</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>界面语言(&amp;G)：</translation>
    </message>
    <message>
        <source>Saved. The new language applies after Cunzhan is restarted.</source>
        <translation>已保存。新的界面语言在重新启动村站后生效。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <source>Settin&amp;gs</source>
        <translation>设置(&amp;G)</translation>
    </message>
    <message>
        <source>Printers of this terminal</source>
        <translation>本机打印机</translation>
    </message>
    <message>
        <source>Slip printer (&amp;1):</source>
        <translation>小票打印机(&amp;1)：</translation>
    </message>
    <message>
        <source>Label printer (&amp;2):</source>
        <translation>标签打印机(&amp;2)：</translation>
    </message>
    <message>
        <source>A4 printer (&amp;4):</source>
        <translation>A4 打印机(&amp;4)：</translation>
    </message>
    <message>
        <source>The default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <extracomment>A printer chosen before that the print system does not list now</extracomment>
        <translation>%1（未找到）</translation>
    </message>
    <message>
        <source>Connect to &amp;county…</source>
        <translation>连接县级中心(&amp;C)…</translation>
    </message>
    <message>
        <source>County centre</source>
        <translation>县级中心</translation>
    </message>
    <message>
        <source>Sync does not run in this window.</source>
        <translation>此窗口未运行同步。</translation>
    </message>
    <message>
        <source>Server: %1
Station id: %2</source>
        <extracomment>Settings: the county server this station syncs with, and its id there</extracomment>
        <translation>服务器：%1
站点编号：%2</translation>
    </message>
    <message>
        <source>Not connected to a county centre yet.</source>
        <translation>尚未连接县级中心。</translation>
    </message>
    <message>
        <source>Loc&amp;k the terminal when idle for:</source>
        <translation>无操作自动锁定(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>cz::ui::SetupDialog</name>
    <message>
        <source>Set up the station</source>
        <translation>设置服务站</translation>
    </message>
    <message>
        <source>Welcome to Cunzhan. Give the station a name and describe its shelves: for example &quot;1-4:3x30&quot; means shelves 1 to 4, each with 3 layers of 30 parcels; add more groups after a comma, such as &quot;1-4:3x30,A:2x10&quot;.</source>
        <translation>欢迎使用村站。请填写服务站名称并描述货架：例如 &quot;1-4:3x30&quot; 表示 1 到 4 号货架，每个货架 3 层，每层 30 件；可以用逗号添加更多组，如 &quot;1-4:3x30,A:2x10&quot;。</translation>
    </message>
    <message>
        <source>Station &amp;name:</source>
        <translation>站名(&amp;N)：</translation>
    </message>
    <message>
        <source>Shelf &amp;layout:</source>
        <translation>货架布局(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation>完成设置(&amp;S)</translation>
    </message>
</context>
<context>
    <name>cz::ui::ShelvesPage</name>
    <message>
        <source>S&amp;tart audit</source>
        <translation>开始盘点(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Apply fixes</source>
        <translation>应用修正(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Finish audit</source>
        <translation>结束盘点(&amp;F)</translation>
    </message>
    <message>
        <source>Scan each parcel on the place, or type its waybill and press Enter</source>
        <translation>逐件扫描这个位置上的包裹，或输入运单号后按回车</translation>
    </message>
    <message>
        <source>&amp;Places:</source>
        <translation>位置(&amp;P)：</translation>
    </message>
    <message>
        <source>Shelf audit</source>
        <translation>货架盘点</translation>
    </message>
    <message>
        <source>Pla&amp;ce:</source>
        <translation>位置(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Waybill:</source>
        <translation>运单号(&amp;W)：</translation>
    </message>
    <message>
        <source>Start an audit first: choose the place, then scan its parcels.</source>
        <translation>请先开始盘点：选择位置，然后扫描上面的包裹。</translation>
    </message>
    <message>
        <source>Auditing place %1: scan every parcel on it.</source>
        <translation>正在盘点位置 %1：请扫描上面的每一件包裹。</translation>
    </message>
    <message>
        <source>Place %1: %2 scanned, %3 OK, %4 missing, %5 misplaced, %6 unknown.</source>
        <translation>位置 %1：已扫描 %2 件，正确 %3，缺少 %4，放错 %5，不认识 %6。</translation>
    </message>
    <message>
        <source>Apply the audit</source>
        <translation>应用盘点结果</translation>
    </message>
    <message numerus="yes">
        <source>Record %n misplaced parcel(s) on the place where they were found? They get new pickup codes.</source>
        <translation>
            <numerusform>把 %n 件放错的包裹记录到实际找到的位置？它们会得到新的取件码。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Moved: %1. Write the new codes on the parcels.</source>
        <translation>已移动：%1。请把新的取件码写在包裹上。</translation>
    </message>
    <message>
        <source>Choose a place and start the audit.</source>
        <translation>请选择位置并开始盘点。</translation>
    </message>
    <message>
        <source>&amp;Shelves</source>
        <translation>货架(&amp;S)</translation>
    </message>
</context>
<context>
    <name>cz::ui::SlotLoadModel</name>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待取</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空余</translation>
    </message>
</context>
<context>
    <name>cz::ui::SyncStatusWidget</name>
    <message>
        <source>Sy&amp;nc now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Show the changes the county refused</source>
        <translation>查看被县里拒绝的更改</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Send and fetch changes with the county now (Ctrl+Shift+S)</source>
        <translation>立即与县里收发更改（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Token revoked — enrol again</source>
        <translation>令牌已被吊销——请重新登记</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n 条待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n 条被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>County server %1, station %2</source>
        <extracomment>Tooltip of the sync indicator: the county server and this station&apos;s id there</extracomment>
        <translation>县级服务器 %1，站点 %2</translation>
    </message>
    <message>
        <source>Connect to the county in Settings to send and fetch changes.</source>
        <translation>请在“设置”中连接县级中心以收发更改。</translation>
    </message>
</context>
<context>
    <name>cz::ui::VillagerDialog</name>
    <message>
        <source>New villager</source>
        <translation>新增村民</translation>
    </message>
    <message>
        <source>11-digit mobile number</source>
        <translation>11位手机号</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>手机号(&amp;M)：</translation>
    </message>
    <message>
        <source>Village &amp;group:</source>
        <translation>村民小组(&amp;G)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Unchanged: %1 (type a new number to change it)</source>
        <translation>不变：%1（填新号码才更换）</translation>
    </message>
</context>
<context>
    <name>cz::ui::VillagersPage</name>
    <message>
        <source>&amp;New villager…</source>
        <translation>新增村民(&amp;N)…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>赊账额度</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Deposi&amp;t</source>
        <translation>预存(&amp;T)</translation>
    </message>
    <message>
        <source>Repa&amp;y</source>
        <translation>还款(&amp;Y)</translation>
    </message>
    <message>
        <source>Re&amp;ceipt</source>
        <translation>收据(&amp;C)</translation>
    </message>
    <message>
        <source>Set limit</source>
        <translation>设定额度</translation>
    </message>
    <message>
        <source>State&amp;ment</source>
        <translation>对账单(&amp;M)</translation>
    </message>
    <message>
        <source>Last 4 digits of the phone, or the name</source>
        <translation>手机尾号4位或姓名</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Amo&amp;unt:</source>
        <translation>金额(&amp;U)：</translation>
    </message>
    <message>
        <source>Cred&amp;it limit:</source>
        <translation>赊账额度(&amp;I)：</translation>
    </message>
    <message>
        <source>No villager matches %1.</source>
        <translation>没有与 %1 匹配的村民。</translation>
    </message>
    <message numerus="yes">
        <source>%n villager(s) found.</source>
        <translation>
            <numerusform>找到 %n 位村民。</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>Find a villager to see the account.</source>
        <translation>查找村民以查看账户。</translation>
    </message>
    <message>
        <source>%1: balance %2 yuan · credit limit %3 yuan · owed %4 yuan</source>
        <translation>%1：余额 %2 元 · 赊账额度 %3 元 · 欠款 %4 元</translation>
    </message>
    <message>
        <source>Repayment of %1 yuan recorded (%2).</source>
        <translation>已记录还款 %1 元（%2）。</translation>
    </message>
    <message>
        <source>Deposit of %1 yuan recorded (%2).</source>
        <translation>已记录预存 %1 元（%2）。</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>Print a receipt for this payment?</source>
        <translation>打印此笔款项的收据吗？</translation>
    </message>
    <message>
        <source>Set the credit limit to %1 yuan? This is the owner&apos;s decision.</source>
        <translation>将赊账额度设为 %1 元吗？此项应由站长决定。</translation>
    </message>
    <message>
        <source>Credit limit set to %1 yuan.</source>
        <translation>赊账额度已设为 %1 元。</translation>
    </message>
    <message>
        <source>Choose the ledger entry to print a receipt for.</source>
        <translation>请选择要打印收据的账目。</translation>
    </message>
    <message>
        <source>&amp;Villagers</source>
        <translation>村民账户(&amp;V)</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>修改(&amp;amp;H)…</translation>
    </message>
    <message>
        <source>Changed %1.</source>
        <translation>已修改 %1。</translation>
    </message>
</context>
</TS>
