using Tongxin.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddTongxin();
var app = builder.Build();
app.UseTongxin();
app.Run();

public partial class Program;
