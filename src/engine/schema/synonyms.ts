/**
 * Header synonyms per field, most preferred first (when two columns name the same field, the one
 * with the earlier synonym wins, then the leftmost). Written in Simplified Chinese and English;
 * Traditional Chinese headers match through normalizeHeader's Traditional → Simplified step
 * (客戶編號 → 客户编号, 最後購買時間 → 最后购买时间), and Taiwan wordings that differ are listed
 * (联络方式 = 聯絡方式, 累积 = 累積).
 * Matching is exact on a normalised key (see normalize.ts): "Customer ID", "customer_id" and
 * "CustomerID" are all "customerid"; "累计消费金额(元)" matches "累计消费金额"; "近6个月消费频次"
 * matches "消费频次".
 *
 * A few words name money in both kinds of table: "revenue", "金额", "消费金额", "amount" … are the
 * customer's total (monetary) in a customer table and the order's amount in an orders table. They
 * are listed under both fields; detectFields resolves them by context (detect-fields.ts).
 */
import type { FieldKey } from "../types";

// prettier-ignore
export const SYNONYMS: Record<FieldKey, readonly string[]> = {
  id: [
    "客户编号", "客户ID", "客户号", "客户代码", "客户编码", "会员编号", "会员ID", "会员号", "会员卡号",
    "用户ID", "用户编号", "顾客编号", "顾客ID", "买家ID", "买家编号",
    "Customer ID", "CustomerID", "customer_id", "Cust ID", "Customer No", "Customer Number",
    "Client ID", "Member ID", "User ID", "Buyer ID",
    "客户", "Customer", "ID",
  ],
  name: [
    "姓名", "客户名称", "客户姓名", "公司名称", "企业名称", "客户名", "会员名称", "会员姓名", "名称",
    "Name", "Customer Name", "Full Name", "Client Name", "Company", "Company Name",
  ],
  gender: ["性别", "Gender", "Sex", "Genre"],
  age: ["年龄", "岁数", "Age"],
  city: ["所在城市", "城市", "地域", "所在地区", "所在地", "常住城市", "地区", "City"],
  phone: [
    "联系方式", "手机号", "手机号码", "手机", "联系电话", "电话", "电话号码", "联络方式", "联络电话",
    "Phone", "Phone Number", "Mobile", "Mobile Phone", "Tel", "Telephone",
  ],
  lastPurchase: [
    "上一次购买时间", "最后购买时间", "最近购买日期", "最近购买时间", "最后购买日期", "上次购买时间",
    "上次购买日期", "最近一次购买时间", "最近一次购买日期", "最后一次购买时间", "最后一次购买日期",
    "最近消费时间", "最近消费日期", "最后消费时间", "最后消费日期", "上次消费时间", "上次消费日期",
    "最近一次消费时间", "最近一次消费日期", "最近下单时间", "最近下单日期", "最后下单时间",
    "最后下单日期", "最近交易日期", "最后交易日期", "最后交易时间",
    "Last purchase", "Last purchase date", "Last purchase time", "Last order date", "Last order",
    "Last transaction date", "Most recent visit", "Most recent purchase", "Last visit",
  ],
  recency: [
    "R(近30天消费)", "R", "R值", "Recency", "Recency days", "Recency (days)",
    "最近消费间隔", "距今天数", "最近一次消费距今天数", "最近消费距今天数", "距上次购买天数",
    "距上次消费天数", "距上次下单天数", "未购买天数", "Days since last purchase", "Days since last order",
  ],
  frequency: [
    "F(近6个月频次)", "消费频次", "购买频次", "消费次数", "购买次数", "下单次数", "购买频率",
    "消费频率", "订单数", "频次", "F", "F值",
    "Frequency", "Number of orders", "Order count", "Orders", "Num orders", "Purchase count",
    "Purchases", "Purchase frequency",
  ],
  monetary: [
    "M(近6个月金额)", "消费金额", "累计消费金额", "累积消费金额", "累计消费", "累积消费", "消费总额",
    "总消费金额", "总消费额", "累计金额", "累计购买金额", "金额", "总金额", "交易金额", "销售额",
    "购买金额", "M", "M值",
    "Monetary", "Monetary value", "Revenue", "Total spent", "Total spend", "Total revenue",
    "Amount", "Total", "Sales",
  ],
  avgOrderValue: [
    "平均客单价", "客单价", "平均订单金额", "平均每单金额", "平均消费金额", "件单价",
    "Average order value", "Avg order value", "AOV", "Average order amount", "Avg order amount",
  ],
  orderId: [
    "订单号", "订单编号", "订单ID", "订单编码", "单号", "交易号", "交易编号", "交易单号", "流水号", "订单",
    "InvoiceNo", "Invoice No", "Invoice Number", "Invoice", "Order ID", "OrderID", "Order No",
    "Order Number", "Transaction ID",
  ],
  orderDate: [
    "下单日期", "下单时间", "订单创建时间", "订单日期", "订单时间", "交易日期", "交易时间",
    "购买日期", "购买时间", "消费日期", "消费时间", "订单付款时间", "付款时间", "支付时间", "日期",
    "InvoiceDate", "Invoice Date", "Order Date", "Purchase Date", "Transaction Date", "Date",
  ],
  amount: [
    "金额", "总金额", "订单金额", "实付金额", "支付金额", "付款金额", "买家实际支付金额", "实际支付金额",
    "成交金额", "交易金额", "消费金额", "销售额", "购买金额", "应付金额",
    "Amount", "grand_total", "Revenue", "Order amount", "Order total", "Order value", "Total",
    "Sales", "dollar_value", "Amount paid", "Payment amount", "Line total", "Subtotal",
  ],
  quantity: ["数量", "购买数量", "商品数量", "件数", "Quantity", "Qty"],
  unitPrice: ["单价", "商品单价", "销售单价", "价格", "UnitPrice", "Unit Price", "Price"],
  rfmCode: ["RFM分组", "RFM编码", "RFM代码", "RFM组合", "RFM分类", "RFM", "RFM code", "RFM group"],
  rfmLabel: ["客户类型", "客户分类", "客户分层", "RFM客户类型", "Customer type", "RFM segment"],
  spendTag: ["消费能力标签", "消费能力", "Spend tag", "Spending tag", "Spending level"],
  activityTag: ["活跃度标签", "活跃度", "Activity tag", "Activity level"],
  needTag: ["核心需求标签", "需求标签", "核心需求", "Need tag", "Needs tag"],
  segment: ["客户细分", "细分群体", "细分群体名称", "客户群体", "Customer segment", "Segment"],
  channel: [
    "活跃渠道", "渠道偏好", "偏好渠道", "购买渠道", "消费渠道", "渠道", "Channel", "Preferred channel",
    "Sales channel",
  ],
  priceSensitivity: ["价格敏感度", "对价格敏感度", "价格敏感", "對價格敏感度", "Price sensitivity"],
  interests: ["兴趣爱好", "爱好", "兴趣", "興趣愛好", "愛好", "興趣", "Interests", "Hobbies"],
  categories: [
    "品类偏好", "偏好品类", "历史购买品类", "购买品类", "产品偏好", "Preferred categories", "Categories",
  ],
  notes: ["备注", "客户反馈", "反馈", "评价", "備註", "回饋", "評價", "Notes", "Remarks", "Comments", "Feedback"],
};

/** Fields that belong to an orders (transaction) table. */
export const ORDER_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  "orderId",
  "orderDate",
  "amount",
  "quantity",
  "unitPrice",
]);
